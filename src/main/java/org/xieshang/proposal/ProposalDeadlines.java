package org.xieshang.proposal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The deadlines of the proposal cases and who answers for them, for the reminder module. A due
 * date set or changed is announced by {@link ProposalEvents.ProposalDueDateSet}, an approved reply
 * by {@link ProposalEvents.ProposalReplied}. Runs for the current committee.
 */
public interface ProposalDeadlines {

    /** Today where the committee works (by the application clock). */
    LocalDate today();

    /** The case's deadline facts; empty when there is no such case in the committee. */
    Optional<Deadline> find(long proposalId);

    /**
     * The case's deadline facts, for a staff view of its reminders: 404 unless the signed-in user
     * may see the case (role checks are the caller's, after this).
     */
    Deadline visible(long proposalId);

    /**
     * The day by which the lead unit should have met the proposer, while that is still missing:
     * present only for a case in handling (IN_PROGRESS) whose lead unit has recorded no
     * PROPOSER_CONTACT since it took the case on.
     */
    Optional<LocalDate> proposerContactMissing(long proposalId);

    /** The case's approved reply is of class B (being solved / planned) and its unit has not reported the matter done. */
    boolean awaitingImplementation(long proposalId);

    /** The lead unit (first) and the co-handling units of the case. */
    List<Long> handlingUnits(long proposalId);

    /** The co-handling units that have not yet sent the lead unit their opinion (会签). */
    List<Long> coUnitsWithoutOpinion(long proposalId);

    /** The users who supervise the case as a key proposal (CPPCC leaders); empty when none. */
    List<Long> keySupervisors(long proposalId);

    /** The active proposers (members) who have not rated the reply of the given round. */
    List<Long> proposersYetToRate(long proposalId, int replyRound);

    /** Cases in one of the statuses that have a due date, with an id after {@code afterId}, by id, at most {@code limit}. */
    List<Long> casesWithDueDate(Collection<ProposalStatus> statuses, long afterId, int limit);

    /**
     * @param awaitingRating proposers may rate the current reply now
     */
    record Deadline(Long id, String title, ProposalStatus status, LocalDate dueDate, boolean key, int replyRound,
                    LocalDate repliedOn, boolean awaitingRating) {
    }
}
