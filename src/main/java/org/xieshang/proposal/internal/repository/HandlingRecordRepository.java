package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.HandlingRecord;
import org.xieshang.proposal.internal.HandlingType;

public interface HandlingRecordRepository extends JpaRepository<HandlingRecord, Long> {
    List<HandlingRecord> findByProposalIdOrderByDateAscIdAsc(Long proposalId);

    boolean existsByProposalIdAndUnitIdAndTypeAndRound(Long proposalId, Long unitId, HandlingType type, int round);
}
