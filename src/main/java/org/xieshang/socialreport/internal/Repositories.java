package org.xieshang.socialreport.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface SocialReportRepository extends JpaRepository<SocialReport, Long> {

    Optional<SocialReport> findByOriginProposalId(Long proposalId);

    /**
     * The list without a text query: every filter optional; {@code all} lifts the scope, else the
     * caller's own reports ({@code memberId}) and, with {@code adoptedToo}, adopted ones.
     */
    @Query("""
            select r from SocialReport r
            where (:all = true or r.authorMemberId = :own or (:adoptedToo = true and r.status = org.xieshang.socialreport.internal.ReportStatus.ADOPTED))
              and (:status is null or r.status = :status)
              and (:memberId is null or r.authorMemberId = :memberId)
              and (:sectorId is null or r.authorSectorId = :sectorId)
              and (:category is null or r.category = :category)
              and r.submittedOn between :from and :to
            order by r.submittedAt desc, r.id desc""")
    Page<SocialReport> list(@Param("all") boolean all, @Param("own") Long own, @Param("adoptedToo") boolean adoptedToo,
                            @Param("status") ReportStatus status, @Param("memberId") Long memberId,
                            @Param("sectorId") Long sectorId, @Param("category") String category,
                            @Param("from") LocalDate from, @Param("to") LocalDate to, Pageable page);

    List<SocialReport> findBySubmittedOnBetween(LocalDate from, LocalDate to);

    long countByStatus(ReportStatus status);
}

interface SocialReportCommentRepository extends JpaRepository<SocialReportComment, Long> {

    List<SocialReportComment> findByReportIdInOrderByCreatedAtAscIdAsc(Collection<Long> reportIds);
}

interface SocialReportAttachmentRepository extends JpaRepository<SocialReportAttachment, Long> {

    List<SocialReportAttachment> findByReportIdOrderByIdAsc(Long reportId);

    long countByReportId(Long reportId);
}
