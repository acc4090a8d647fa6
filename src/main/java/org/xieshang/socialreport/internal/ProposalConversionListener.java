package org.xieshang.socialreport.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.proposal.ProposalEvents.ProposalConverted;
import org.xieshang.shared.SystemActor;

/**
 * A not-filed proposal the office converted to a social-conditions report becomes a report of its
 * lead proposer. Persisted and retried by Spring Modulith; the transaction opens inside, after the
 * committee context is set, because Hibernate takes the tenant when its session starts.
 */
@Component
class ProposalConversionListener {

    static final String SOCIAL_REPORT = "SOCIAL_REPORT";

    private final SocialReportService service;
    private final TransactionTemplate tx;

    ProposalConversionListener(SocialReportService service, TransactionTemplate tx) {
        this.service = service;
        this.tx = tx;
    }

    @ApplicationModuleListener(id = "socialreport.proposal-converted", propagation = Propagation.NOT_SUPPORTED)
    void on(ProposalConverted converted) {
        if (!SOCIAL_REPORT.equals(converted.kind()) || converted.leadMemberId() == null) {
            return;
        }
        SystemActor.runAs(converted.committeeId(), () -> tx.executeWithoutResult(s -> service.fromProposal(
                converted.proposalId(), converted.leadMemberId(), converted.title(), converted.content())));
    }
}
