package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.CaseLeader;

public interface CaseLeaderRepository extends JpaRepository<CaseLeader, Long> {
    List<CaseLeader> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndUserId(Long proposalId, Long userId);
}
