package org.xieshang.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * What a case credits its proposers with, as the proposal events said it when it happened
 * ({@link ProposalEvents.ProposalSubmitted}, {@code ProposalFiled}, {@code ProposalMarkedKey},
 * {@code ProposalMerged}) — for rebuilding a duty record that missed those events (a deployment
 * upgraded from before the assessment module). Runs for the current committee.
 */
public interface ProposalCredits {

    /**
     * A submitted case: lead proposer (null for none), whether it is collective, the co-signers who
     * signed it (not those a merge brought in), the submission date; the filing number and date
     * (null if not filed) with every proposer then standing behind the case; the date it was made a
     * key proposal (null if not key); the case it was merged into (null if not merged).
     */
    record CaseCredit(Long proposalId, Long leadMemberId, boolean collective, List<Long> coSignerMemberIds,
                      LocalDate submittedOn, String number, LocalDate filedOn, List<Long> proposerMemberIds,
                      LocalDate keyOn, Long mergedIntoId) {
    }

    /** Cases submitted, filed or made key within [from, to], by id. */
    List<CaseCredit> between(LocalDate from, LocalDate to);
}
