package org.xieshang.proposal.internal.repository;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ProposalAttachment;

public interface AttachmentRepository extends JpaRepository<ProposalAttachment, Long> {
    /** The case's own attachments (not those of its supervision events). */
    List<ProposalAttachment> findByProposalIdAndSupervisionEventIdIsNullOrderByIdAsc(Long proposalId);

    List<ProposalAttachment> findByProposalIdAndSupervisionEventIdIsNotNullOrderByIdAsc(Long proposalId);
}
