package org.xieshang.proposal.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KeyLeaderRepository extends JpaRepository<KeyLeader, Long> {
    List<KeyLeader> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndUserId(Long proposalId, Long userId);

    List<KeyLeader> findByProposalIdInOrderByIdAsc(java.util.Collection<Long> proposalIds);
}

interface KeyDecisionRepository extends JpaRepository<KeyDecision, Long> {
    List<KeyDecision> findByYearOrderByIdAsc(int year);

    List<KeyDecision> findAllByOrderByIdAsc();
}

interface SupervisionEventRepository extends JpaRepository<SupervisionEvent, Long> {
    List<SupervisionEvent> findByProposalIdOrderByDateAscIdAsc(Long proposalId);

    /** Per case: how many events and the latest one's date. */
    @Query("select e.proposalId, count(e), max(e.date) from SupervisionEvent e where e.proposalId in ?1 group by e.proposalId")
    List<Object[]> progressOf(java.util.Collection<Long> proposalIds);
}

interface BulletinRepository extends JpaRepository<Bulletin, Long> {
    @Query("select coalesce(max(b.seq), 0) from Bulletin b where b.kind = ?1 and b.year = ?2")
    int lastSeq(BulletinKind kind, int year);

    @Query("select b from Bulletin b where b.id in (select r.bulletinId from BulletinRecipient r where r.userId = ?1)")
    org.springframework.data.domain.Page<Bulletin> sentTo(Long userId, org.springframework.data.domain.Pageable page);
}

interface BulletinRecipientRepository extends JpaRepository<BulletinRecipient, Long> {
    List<BulletinRecipient> findByBulletinIdOrderByIdAsc(Long bulletinId);

    Optional<BulletinRecipient> findByBulletinIdAndUserId(Long bulletinId, Long userId);

    long countByUserIdAndReadAtIsNull(Long userId);

}

interface BulletinCommentRepository extends JpaRepository<BulletinComment, Long> {
    List<BulletinComment> findByBulletinIdOrderByIdAsc(Long bulletinId);
}

interface BulletinFollowUpRepository extends JpaRepository<BulletinFollowUp, Long>,
        org.springframework.data.jpa.repository.JpaSpecificationExecutor<BulletinFollowUp> {
    List<BulletinFollowUp> findByBulletinIdOrderByIdAsc(Long bulletinId);
}
