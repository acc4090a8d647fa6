package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ProposalHistory;

public interface HistoryRepository extends JpaRepository<ProposalHistory, Long> {
    List<ProposalHistory> findByProposalIdOrderByIdAsc(Long proposalId);
}
