package org.xieshang.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.proposal.ProposalStatus;

/** The part state machine of split handling (issue 15 point 2) and where a case stands by its parts. */
class ProposalPartTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static ProposalPart part() {
        return new ProposalPart(1L, 10L);
    }

    @Test
    void aPartRunsFromReplyThroughSignatureAndReviewToClosed() {
        ProposalPart p = part();
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_PROGRESS);
        p.reply("B", "答复", false);
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.REPLY_REVIEW);
        assertThatThrownBy(() -> p.review(true, "B", TODAY)).as("staff review an unsigned reply").isInstanceOf(IllegalStateException.class);
        p.signOff(true, null);
        assertThatThrownBy(() -> p.signOff(true, null)).as("signed once").isInstanceOf(IllegalStateException.class);
        p.review(true, "A", TODAY);
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.REPLIED);
        assertThat(p.getApprovedReplyCategory()).isEqualTo("A");
        assertThat(p.getApprovedReplyContent()).isEqualTo("答复");
        assertThat(p.getReplyRound()).isEqualTo(1);
        p.rated(false, TODAY);
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.CLOSED);
        assertThat(p.getClosedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> p.reply("A", "再答复", true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void returnsGoBackToTheHandlerAndUnsatisfiedRehandlesOnce() {
        ProposalPart p = part();
        p.reply("B", "答复", false);
        p.signOff(false, "请补充");
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_PROGRESS);
        assertThat(p.getSignoffReturnReason()).isEqualTo("请补充");
        p.reply("B", "补充后的答复", true);
        assertThat(p.getSignoffReturnReason()).isNull();
        p.review(false, null, TODAY);
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.IN_PROGRESS);
        p.reply("B", "再次答复", true);
        p.review(true, "B", TODAY);
        p.rated(true, TODAY);
        assertThat(p.getStatus()).isEqualTo(ProposalStatus.REHANDLING);
        p.reply("A", "重新办理答复", false);
        p.signOff(false, "再改");
        assertThat(p.getStatus()).as("a rehandled part stays rehandling").isEqualTo(ProposalStatus.REHANDLING);
        p.reply("A", "重新办理答复", true);
        p.review(true, "A", TODAY);
        assertThat(p.getReplyRound()).isEqualTo(2);
        p.rated(true, TODAY);
        assertThat(p.getStatus()).as("unsatisfied the second time closes").isEqualTo(ProposalStatus.CLOSED);
    }

    @Test
    void theCaseStandsWhereItsLeastAdvancedPartIs() {
        ProposalPart a = part();
        ProposalPart b = new ProposalPart(1L, 11L);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.IN_PROGRESS);
        a.reply("A", "甲", true);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.IN_PROGRESS);
        b.reply("B", "乙", true);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.REPLY_REVIEW);
        a.review(true, "A", TODAY);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.REPLY_REVIEW);
        b.review(true, "B", TODAY);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.REPLIED);
        a.rated(false, TODAY);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.REPLIED);
        b.rated(true, TODAY);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.REHANDLING);
        b.reply("A", "乙再答", true);
        b.review(true, "A", TODAY);
        b.rated(false, TODAY);
        assertThat(ProposalPart.caseStatus(List.of(a, b))).isEqualTo(ProposalStatus.CLOSED);
        assertThatThrownBy(() -> ProposalPart.caseStatus(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
