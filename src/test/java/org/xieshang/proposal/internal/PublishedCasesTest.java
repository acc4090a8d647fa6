package org.xieshang.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xieshang.proposal.ProposalStatus;

/**
 * The invariant the lists rely on when they leave the "published" alternative out for those who see every
 * case but drafts (ProposalScope.branches): a published case has been submitted and filed, and stays among
 * "every case but drafts" (not a draft, not withdrawn before submission) whatever happens to it later.
 */
class PublishedCasesTest {

    private static final Set<ProposalStatus> BEFORE_SUBMISSION = EnumSet.of(ProposalStatus.DRAFT,
            ProposalStatus.AWAITING_COSIGNERS, ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN);

    @Test
    void aCaseIsPublishedOnlyOnceFiled() {
        assertThat(Step.PUBLISH.from()).doesNotContainAnyElementsOf(BEFORE_SUBMISSION);
    }

    @Test
    void noStepLeadsACaseThatCanBePublishedBackToADraftOrAWithdrawal() {
        for (Step step : Step.values()) {
            boolean fromPublishable = step.from().stream().anyMatch(Step.PUBLISH.from()::contains);
            if (fromPublishable) {
                assertThat(step.to()).as(step.name()).isNotIn(ProposalStatus.DRAFT, ProposalStatus.WITHDRAWN);
            }
        }
    }

    @Test
    void noStepLeadsAnywhereToADraft() {
        for (Step step : Step.values()) {
            assertThat(step.to()).as(step.name()).isNotEqualTo(ProposalStatus.DRAFT);
        }
    }
}
