package org.xieshang.proposal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Grouped counts of the proposal cases, for the statistics module: a small "cube" per session,
 * status, category, lead unit and reply class, and per lead proposer, computed by a few grouped
 * queries inside the proposal module. What the counts mean is defined in docs/decisions-stats.md.
 * Every query covers the counted cases of the given sessions and, with {@code leadUnitId}, only
 * those that unit leads. Runs for the current committee.
 */
public interface ProposalFigures {

    /** Cases that never reached the office do not count as proposals of the year. */
    Set<ProposalStatus> NOT_COUNTED = EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.AWAITING_COSIGNERS,
            ProposalStatus.WITHDRAWN);

    /** Today where the committee works (by the application clock). */
    LocalDate today();

    /** The configured proposal categories, in their configured order. */
    List<String> categories();

    /** The configured reply classes (e.g. A, B, C), in their configured order. */
    List<String> replyClasses();

    /** Case counts per session, status, category, lead unit and approved reply class; "overdue" as of {@code today}. */
    List<CaseGroup> cases(List<Long> sessionIds, Long leadUnitId, LocalDate today);

    /** The lead proposer's latest rating of each counted case, counted per session, status, category, lead unit and rating. */
    List<RatingGroup> ratings(List<Long> sessionIds, Long leadUnitId);

    /** Case counts per lead proposer (member), status and approved reply class. Collective cases without a lead member are not in it. */
    List<ProposerCaseGroup> casesByLeadProposer(List<Long> sessionIds, Long leadUnitId, LocalDate today);

    /** The lead proposer's latest rating of each counted case, counted per lead proposer and rating. */
    List<ProposerRatingGroup> ratingsByLeadProposer(List<Long> sessionIds, Long leadUnitId);

    /** Cases in handling past their due date as of {@code today}, oldest due date first. */
    List<OverdueCase> overdue(List<Long> sessionIds, Long leadUnitId, LocalDate today);

    /** Approved B replies (being solved / planned) of these sessions whose unit has not yet reported the matter done. */
    long openBReplies(List<Long> sessionIds);

    /**
     * Recomputes the current committee's figures from the cases' rows (docs/stats-read-model.md): needed
     * only after cases were written behind the application's back (a bulk import, SQL).
     */
    void rebuild();

    /** A proposer's satisfaction with attitude or result. */
    enum Satisfaction {
        SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
    }

    /** Per group: cases, filed (numbered), key, replied (an approved reply), replied on time, overdue now. */
    record Counts(long total, long filed, long key, long replied, long onTime, long overdue) {
    }

    record CaseGroup(Long sessionId, ProposalStatus status, String category, Long leadUnitId, String replyClass,
                     Counts counts) {
    }

    record RatingGroup(Long sessionId, ProposalStatus status, String category, Long leadUnitId, Satisfaction attitude,
                       Satisfaction result, long count) {
    }

    record ProposerCaseGroup(Long memberId, ProposalStatus status, String replyClass, Counts counts) {
    }

    record ProposerRatingGroup(Long memberId, Satisfaction attitude, Satisfaction result, long count) {
    }

    record OverdueCase(Long id, String number, String title, ProposalStatus status, Long leadUnitId, LocalDate dueDate) {
    }
}
