package org.xieshang.proposal.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ProposalRepository extends JpaRepository<Proposal, Long>, JpaSpecificationExecutor<Proposal> {
}

interface ProposerRepository extends JpaRepository<ProposalProposer, Long> {
    List<ProposalProposer> findByProposalIdOrderByIdAsc(Long proposalId);

    List<ProposalProposer> findByProposalIdInOrderByIdAsc(Collection<Long> proposalIds);

    List<ProposalProposer> findByMemberIdAndConfirmationOrderByIdAsc(Long memberId, Confirmation confirmation);
}

interface CoUnitRepository extends JpaRepository<ProposalCoUnit, Long> {
    List<ProposalCoUnit> findByProposalIdOrderByIdAsc(Long proposalId);
}

interface HistoryRepository extends JpaRepository<ProposalHistory, Long> {
    List<ProposalHistory> findByProposalIdOrderByIdAsc(Long proposalId);
}

interface HandlingRecordRepository extends JpaRepository<HandlingRecord, Long> {
    List<HandlingRecord> findByProposalIdOrderByDateAscIdAsc(Long proposalId);

    boolean existsByProposalIdAndUnitIdAndTypeAndRound(Long proposalId, Long unitId, HandlingType type, int round);
}

interface ReassignmentRequestRepository extends JpaRepository<ReassignmentRequest, Long> {
    List<ReassignmentRequest> findByProposalIdOrderByIdAsc(Long proposalId);

    List<ReassignmentRequest> findByResolvedAtIsNullOrderByIdAsc();
}

interface EvaluationRepository extends JpaRepository<Evaluation, Long> {
    List<Evaluation> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndMemberIdAndRound(Long proposalId, Long memberId, int round);
}

interface AttachmentRepository extends JpaRepository<ProposalAttachment, Long> {
    /** The case's own attachments (not those of its supervision events). */
    List<ProposalAttachment> findByProposalIdAndSupervisionEventIdIsNullOrderByIdAsc(Long proposalId);

    List<ProposalAttachment> findByProposalIdAndSupervisionEventIdIsNotNullOrderByIdAsc(Long proposalId);
}

interface ConversionRepository extends JpaRepository<ProposalConversion, Long> {
    Optional<ProposalConversion> findByProposalId(Long proposalId);
}

interface SettingsRepository extends JpaRepository<ProposalSettings, Long> {
    Optional<ProposalSettings> findFirstByOrderByIdAsc();
}
