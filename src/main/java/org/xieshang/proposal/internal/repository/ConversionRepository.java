package org.xieshang.proposal.internal.repository;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ProposalConversion;

public interface ConversionRepository extends JpaRepository<ProposalConversion, Long> {
    Optional<ProposalConversion> findByProposalId(Long proposalId);
}
