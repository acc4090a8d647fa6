package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.Evaluation;

public interface EvaluationRepository extends JpaRepository<Evaluation, Long> {
    List<Evaluation> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndMemberIdAndRound(Long proposalId, Long memberId, int round);

    boolean existsByProposalIdAndMemberIdAndRoundAndUnitId(Long proposalId, Long memberId, int round, Long unitId);
}
