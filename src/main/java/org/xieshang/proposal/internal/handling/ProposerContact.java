package org.xieshang.proposal.internal.handling;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.repository.HandlingRecordRepository;

/**
 * The committee's rule "the unit meets the proposer within N working days of taking the case on"
 * (setting {@code meetWithinWorkingDays}): the day it falls due, and whether it is still missing.
 * One place for the case page, the API and the reminder.
 */
@Component
public class ProposerContact {

    private final CaseSupport cases;
    private final HandlingRecordRepository records;
    private final WorkingCalendar calendar;

    ProposerContact(CaseSupport cases, HandlingRecordRepository records, WorkingCalendar calendar) {
        this.cases = cases;
        this.records = records;
        this.calendar = calendar;
    }

    /** N working days after the lead unit took the case on; null before that. */
    public LocalDate dueDate(Proposal p) {
        return p.getAcceptedOn() == null ? null
                : calendar.addWorkingDays(p.getAcceptedOn(), cases.settings().getMeetWithinWorkingDays());
    }

    /** The due date, while the case is in handling and its lead unit has recorded no contact with the proposer. */
    public Optional<LocalDate> missing(Proposal p) {
        LocalDate due = dueDate(p);
        if (due == null || p.getStatus() != ProposalStatus.IN_PROGRESS || p.getLeadUnitId() == null
                || records.existsByProposalIdAndUnitIdAndType(p.getId(), p.getLeadUnitId(), HandlingType.PROPOSER_CONTACT)) {
            return Optional.empty();
        }
        return Optional.of(due);
    }

    /**
     * As {@link #overdue(Proposal)} from what the caller has read already: the due date and whether
     * the lead unit has recorded a contact (the case detail has both; no statement here).
     */
    public boolean overdue(Proposal p, LocalDate due, boolean contacted) {
        return due != null && p.getStatus() == ProposalStatus.IN_PROGRESS && p.getLeadUnitId() != null && !contacted
                && cases.today().isAfter(due);
    }

    /** Missing and past its day. */
    public boolean overdue(Proposal p) {
        return missing(p).map(due -> cases.today().isAfter(due)).orElse(false);
    }
}
