package org.xieshang.proposal;

import java.time.LocalDate;
import java.util.List;

/** Application events of the proposal module, for the duty record, search, statistics and reminders. */
public final class ProposalEvents {

    private ProposalEvents() {
    }

    /** A proposal was submitted; the lead proposer and co-signers as they stand. */
    public record ProposalSubmitted(Long committeeId, Long proposalId, Long leadMemberId, List<Long> coSignerMemberIds,
                                    LocalDate date, boolean collective) {

        public ProposalSubmitted(Long committeeId, Long proposalId, Long leadMemberId, List<Long> coSignerMemberIds,
                                 LocalDate date) {
            this(committeeId, proposalId, leadMemberId, coSignerMemberIds, date, false);
        }
    }

    public record ProposalFiled(Long committeeId, Long proposalId, String number, List<Long> proposerMemberIds,
                                LocalDate date) {
    }

    public record ProposalNotFiled(Long committeeId, Long proposalId, String ground) {
    }

    /** The case was made a key proposal (重点提案); counts in its proposers' duty record. */
    public record ProposalMarkedKey(Long committeeId, Long proposalId, List<Long> proposerMemberIds, LocalDate date) {
    }

    public record ProposalMerged(Long committeeId, Long proposalId, Long intoId) {
    }

    /** The case's due date was set or moved: assigned, extended, or sent back for rehandling. */
    public record ProposalDueDateSet(Long committeeId, Long proposalId, LocalDate dueDate) {
    }

    /**
     * The lead unit took the case on; it should meet the proposer by {@code contactDueDate}
     * (the committee's "meet the proposer within N working days").
     */
    public record ProposalAccepted(Long committeeId, Long proposalId, Long leadUnitId, LocalDate contactDueDate) {
    }

    public record ProposalReplied(Long committeeId, Long proposalId, String category, Long leadUnitId, LocalDate date) {
    }

    public record ProposalClosed(Long committeeId, Long proposalId, LocalDate date) {
    }

    /** A not-filed text kept as a social-conditions report or member letter. */
    public record ProposalConverted(Long committeeId, Long proposalId, String kind, Long leadMemberId, String title,
                                    String content, Long unitId) {
    }
}
