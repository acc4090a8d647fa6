package org.xieshang.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.xieshang.notification.TaskDone;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;

/** Which notices ask for a task, and which steps do it: personal tasks for the acting user, the others for all. */
class ProposalTasksTest {

    static final CurrentUser MEMBER = new CurrentUser(7L, "m", "委员", 3L, EnumSet.of(Role.MEMBER), 70L, null);
    static final CurrentUser CO_UNIT = new CurrentUser(8L, "u", "协办", 3L, EnumSet.of(Role.UNIT_HANDLER), null, 44L);

    @Test
    void noticesThatAskCarryTheTaskKeyOthersNone() {
        assertThat(ProposalTasks.forNotice("proposal.notice.replied", 12L, null)).isEqualTo("proposal:12:rate");
        assertThat(ProposalTasks.forNotice("proposal.notice.assignedCoUnit", 12L, 44L)).isEqualTo("proposal:12:co-opinion:unit:44");
        assertThat(ProposalTasks.forNotice("proposal.notice.replySubmitted", 12L, null)).isEqualTo("proposal:12:review-reply");
        assertThat(ProposalTasks.forNotice("signoff.notice.toSign", 12L, 44L)).isEqualTo("proposal:12:signoff");
        assertThat(ProposalTasks.forNotice("proposal.notice.filed", 12L, null)).isNull();
        assertThat(ProposalTasks.forNotice("proposal.notice.closed", 12L, 44L)).isNull();
    }

    @Test
    void aRatingIsDoneForTheRaterAnOpinionForTheUnitAReplyForAll() {
        assertThat(ProposalTasks.doneBy("EVALUATE", ProposalStatus.REPLIED, ProposalStatus.CLOSED, 12L, MEMBER))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at").containsExactly(TaskDone.forUser(3L, "proposal:12:rate", 7L));
        assertThat(ProposalTasks.doneBy("CO_OPINION", ProposalStatus.IN_PROGRESS, ProposalStatus.IN_PROGRESS, 12L, CO_UNIT))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at").containsExactly(TaskDone.forAll(3L, "proposal:12:co-opinion:unit:44"));
        assertThat(ProposalTasks.doneBy("REPLY", ProposalStatus.IN_PROGRESS, ProposalStatus.REPLY_REVIEW, 12L, CO_UNIT))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at").containsExactly(TaskDone.forAll(3L, "proposal:12:reply"));
        // a first handling record that starts the handling answers the call to accept
        assertThat(ProposalTasks.doneBy("HANDLING_PROPOSER_CONTACT", ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS, 12L,
                CO_UNIT)).usingRecursiveFieldByFieldElementComparatorIgnoringFields("at").containsExactly(TaskDone.forAll(3L, "proposal:12:accept"));
        assertThat(ProposalTasks.doneBy("SIGN_OFF_REPLY", ProposalStatus.REPLY_REVIEW, ProposalStatus.REPLY_REVIEW, 12L, CO_UNIT))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("at").containsExactly(TaskDone.forAll(3L, "proposal:12:signoff"));
        // when the task was done: only notices sent before it are cleared
        java.time.Instant before = java.time.Instant.now();
        assertThat(ProposalTasks.doneBy("REPLY", ProposalStatus.IN_PROGRESS, ProposalStatus.REPLY_REVIEW, 12L, CO_UNIT).get(0).at())
                .isAfterOrEqualTo(before).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(ProposalTasks.doneBy("ATTACH", ProposalStatus.IN_PROGRESS, ProposalStatus.IN_PROGRESS, 12L, CO_UNIT)).isEmpty();
    }
}
