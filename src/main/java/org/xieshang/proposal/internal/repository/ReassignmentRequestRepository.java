package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ReassignmentRequest;

public interface ReassignmentRequestRepository extends JpaRepository<ReassignmentRequest, Long> {
    List<ReassignmentRequest> findByProposalIdOrderByIdAsc(Long proposalId);

    List<ReassignmentRequest> findByResolvedAtIsNullOrderByIdAsc();
}
