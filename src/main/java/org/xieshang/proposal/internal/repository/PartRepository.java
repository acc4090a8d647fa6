package org.xieshang.proposal.internal.repository;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ProposalPart;

public interface PartRepository extends JpaRepository<ProposalPart, Long> {

    List<ProposalPart> findByProposalIdOrderByIdAsc(Long proposalId);

    Optional<ProposalPart> findByProposalIdAndUnitId(Long proposalId, Long unitId);
}
