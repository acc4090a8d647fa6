package org.xieshang.proposal.internal.repository;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.ProposalProposer;

public interface ProposerRepository extends JpaRepository<ProposalProposer, Long> {
    List<ProposalProposer> findByProposalIdOrderByIdAsc(Long proposalId);

    List<ProposalProposer> findByProposalIdInOrderByIdAsc(Collection<Long> proposalIds);

    List<ProposalProposer> findByMemberIdAndConfirmationOrderByIdAsc(Long memberId, Confirmation confirmation);
}
