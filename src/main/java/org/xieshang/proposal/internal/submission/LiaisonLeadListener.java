package org.xieshang.proposal.internal.submission;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.liaison.ProposalLeadRaised;
import org.xieshang.shared.SystemActor;

/**
 * Turns a proposal lead from a liaison contact into a draft for the member, after the contact
 * is committed. The committee context is set before the transaction opens, because Hibernate
 * takes the tenant when the session starts (so no @ApplicationModuleListener here).
 */
@Component
class LiaisonLeadListener {

    private final ProposalSubmission submission;
    private final TransactionTemplate tx;

    LiaisonLeadListener(ProposalSubmission submission, TransactionTemplate tx) {
        this.submission = submission;
        this.tx = tx;
    }

    @Async
    @TransactionalEventListener
    void on(ProposalLeadRaised lead) {
        SystemActor.runAs(lead.committeeId(), () -> tx.executeWithoutResult(s ->
                submission.draftFromLead(lead.memberId(), lead.text())));
    }
}
