package org.xieshang.bulletin.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.xieshang.bulletin.BulletinKind;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface BulletinRepository extends JpaRepository<Bulletin, Long> {
    @Query("select coalesce(max(b.seq), 0) from Bulletin b where b.kind = ?1 and b.year = ?2")
    int lastSeq(BulletinKind kind, int year);

    @Query("select b from Bulletin b where b.id in (select r.bulletinId from BulletinRecipient r where r.userId = ?1)")
    Page<Bulletin> sentTo(Long userId, Pageable page);
}

interface BulletinSubjectRepository extends JpaRepository<BulletinSubjectEntry, Long> {
    List<BulletinSubjectEntry> findByBulletinIdOrderByPositionAsc(Long bulletinId);
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
        JpaSpecificationExecutor<BulletinFollowUp> {
    List<BulletinFollowUp> findByBulletinIdOrderByIdAsc(Long bulletinId);
}

interface BulletinFollowUpFileRepository extends JpaRepository<BulletinFollowUpFile, Long> {
    List<BulletinFollowUpFile> findByFollowUpIdOrderByIdAsc(Long followUpId);

    long countByFollowUpId(Long followUpId);
}
