package org.xieshang.evaluation.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xieshang.committee.ReferenceData;
import org.xieshang.proposal.ProposalFigures;
import org.xieshang.proposal.ProposalFigures.CaseGroup;
import org.xieshang.proposal.ProposalFigures.RatingGroup;
import org.xieshang.proposal.ProposalFigures.Satisfaction;

/**
 * Reads a unit's proposal handling of a year through the proposal module's provided query
 * ({@link ProposalFigures}, the same grouped counts the statistics pages use): the cases the unit leads
 * in the sessions of that year, for the current committee.
 */
@Component
class HandlingFigures {

    private final ProposalFigures figures;
    private final ReferenceData reference;

    HandlingFigures(ProposalFigures figures, ReferenceData reference) {
        this.figures = figures;
        this.reference = reference;
    }

    HandlingFigure of(int year, Long unitId) {
        List<Long> sessions = reference.sessions().stream().filter(s -> s.year() == year).map(ReferenceData.SessionView::id)
                .toList();
        if (sessions.isEmpty() || unitId == null) {
            return new HandlingFigure(0, 0, 0, 0);
        }
        LocalDate today = figures.today();
        long replied = 0;
        long onTime = 0;
        for (CaseGroup g : figures.cases(sessions, unitId, today)) {
            replied += g.counts().replied();
            onTime += g.counts().onTime();
        }
        long rated = 0;
        long satisfied = 0;
        for (RatingGroup r : figures.ratings(sessions, unitId)) {
            rated += r.count();
            satisfied += r.result() != Satisfaction.UNSATISFIED ? r.count() : 0;
        }
        return new HandlingFigure(replied, onTime, rated, satisfied);
    }
}
