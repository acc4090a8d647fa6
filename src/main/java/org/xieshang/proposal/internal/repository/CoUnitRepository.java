package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ProposalCoUnit;

public interface CoUnitRepository extends JpaRepository<ProposalCoUnit, Long> {
    List<ProposalCoUnit> findByProposalIdOrderByIdAsc(Long proposalId);
}
