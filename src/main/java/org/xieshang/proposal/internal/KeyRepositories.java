package org.xieshang.proposal.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface KeyLeaderRepository extends JpaRepository<KeyLeader, Long> {
    List<KeyLeader> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndUserId(Long proposalId, Long userId);
}

interface KeyDecisionRepository extends JpaRepository<KeyDecision, Long> {
    List<KeyDecision> findByYearOrderByIdAsc(int year);

    List<KeyDecision> findAllByOrderByIdAsc();
}

interface SupervisionEventRepository extends JpaRepository<SupervisionEvent, Long> {
    List<SupervisionEvent> findByProposalIdOrderByDateAscIdAsc(Long proposalId);
}

interface BulletinRepository extends JpaRepository<Bulletin, Long> {
    @Query("select coalesce(max(b.seq), 0) from Bulletin b where b.kind = ?1 and b.year = ?2")
    int lastSeq(BulletinKind kind, int year);

    List<Bulletin> findAllByIdIn(Collection<Long> ids);
}

interface BulletinRecipientRepository extends JpaRepository<BulletinRecipient, Long> {
    List<BulletinRecipient> findByBulletinIdOrderByIdAsc(Long bulletinId);

    Optional<BulletinRecipient> findByBulletinIdAndUserId(Long bulletinId, Long userId);

    List<BulletinRecipient> findByUserId(Long userId);
}

interface BulletinCommentRepository extends JpaRepository<BulletinComment, Long> {
    List<BulletinComment> findByBulletinIdOrderByIdAsc(Long bulletinId);
}

interface BulletinFollowUpRepository extends JpaRepository<BulletinFollowUp, Long> {
    List<BulletinFollowUp> findByBulletinIdOrderByIdAsc(Long bulletinId);

    List<BulletinFollowUp> findByUnitIdOrderByIdDesc(Long unitId);

    List<BulletinFollowUp> findAllByOrderByIdDesc();
}
