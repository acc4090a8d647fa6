package org.xieshang.proposal.internal;

import java.util.ArrayList;
import java.util.List;
import org.xieshang.notification.TaskDone;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.ProposalTaskKeys;
import org.xieshang.shared.CurrentUser;

/**
 * The tasks the proposal notices ask for, and the steps that do them (issue 17 point 11). A notice
 * that asks for a task carries its key, {@code proposal:{id}:{task}} (a co-unit's opinion also names the
 * unit); the step that does it publishes {@link TaskDone}, and the notification module clears the
 * notices. Personal tasks (rating, co-signing) are done for the acting user only; the others for all
 * recipients (any staff member reviews, any handler of the unit replies). Pure.
 */
final class ProposalTasks {

    static final String REVIEW = "review";
    static final String COSIGN = "cosign";
    static final String ACCEPT = "accept";
    static final String CO_OPINION = "co-opinion";
    static final String REPLY = "reply";
    static final String REVIEW_REPLY = "review-reply";
    static final String RATE = "rate";
    static final String REASSIGN = "reassign";
    static final String SIGNOFF = "signoff";

    private ProposalTasks() {
    }

    static String key(Long proposalId, String task) {
        return ProposalTaskKeys.of(proposalId, task);
    }

    static String coOpinionKey(Long proposalId, Long unitId) {
        return ProposalTaskKeys.coOpinion(proposalId, unitId);
    }

    /** The task a notice (by its message key) asks of its recipients, or null for a notice that only informs. */
    static String forNotice(String messageKey, Long proposalId, Long unitId) {
        return switch (messageKey) {
            case "proposal.notice.submitted" -> key(proposalId, REVIEW);
            case "proposal.notice.cosignRequested" -> key(proposalId, COSIGN);
            case "proposal.notice.assigned" -> key(proposalId, ACCEPT);
            case "proposal.notice.assignedCoUnit", "casepages.notice.coOpinionReminder" ->
                    unitId == null ? null : coOpinionKey(proposalId, unitId);
            case "signoff.notice.toSign" -> key(proposalId, SIGNOFF);
            case "signoff.notice.returned" -> key(proposalId, REPLY);
            case "proposal.notice.replyReturned", "proposal.notice.rehandling" -> key(proposalId, REPLY);
            case "proposal.notice.replySubmitted" -> key(proposalId, REVIEW_REPLY);
            case "proposal.notice.replied" -> key(proposalId, RATE);
            case "proposal.notice.reassignmentRequested" -> key(proposalId, REASSIGN);
            default -> null;
        };
    }

    /** The tasks a step of the case does: the history action, the states before and after, and who acted. */
    static List<TaskDone> doneBy(String action, ProposalStatus from, ProposalStatus to, Long proposalId, CurrentUser user) {
        Long committee = user.committeeId();
        List<TaskDone> done = new ArrayList<>();
        switch (action) {
            case "FILE", "NOT_FILE", "MERGE" -> done.add(TaskDone.forAll(committee, key(proposalId, REVIEW)));
            case "WITHDRAW" -> {
                done.add(TaskDone.forAll(committee, key(proposalId, REVIEW)));
                done.add(TaskDone.forAll(committee, key(proposalId, COSIGN)));
            }
            case "COSIGN_ACCEPT", "COSIGN_DECLINE" -> done.add(TaskDone.forUser(committee, key(proposalId, COSIGN), user.id()));
            case "ASSIGN", "REASSIGN" -> {
                done.add(TaskDone.forAll(committee, key(proposalId, REASSIGN)));
                // a reassigned case: the former lead unit's call to accept is void
                done.add(TaskDone.forAll(committee, key(proposalId, ACCEPT)));
            }
            case "CO_OPINION" -> {
                if (user.unitId() != null) {
                    done.add(TaskDone.forAll(committee, coOpinionKey(proposalId, user.unitId())));
                }
            }
            case "REPLY" -> done.add(TaskDone.forAll(committee, key(proposalId, REPLY)));
            case "SIGN_OFF_REPLY", "RETURN_SIGNOFF" -> done.add(TaskDone.forAll(committee, key(proposalId, SIGNOFF)));
            case "APPROVE_REPLY", "RETURN_REPLY" -> done.add(TaskDone.forAll(committee, key(proposalId, REVIEW_REPLY)));
            case "EVALUATE" -> done.add(TaskDone.forUser(committee, key(proposalId, RATE), user.id()));
            default -> {
            }
        }
        // accepting, or a first handling record that starts the handling, answers the call to accept
        if (from == ProposalStatus.ASSIGNED && to == ProposalStatus.IN_PROGRESS) {
            done.add(TaskDone.forAll(committee, key(proposalId, ACCEPT)));
        }
        return done;
    }
}
