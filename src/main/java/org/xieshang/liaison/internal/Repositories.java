package org.xieshang.liaison.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

// Repositories of the liaison module; Hibernate scopes every query to the current committee.

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface LiaisonSettingsRepository extends JpaRepository<LiaisonSettings, Long> {
    Optional<LiaisonSettings> findFirstByOrderByIdAsc();
}

interface LiaisonPlanRepository extends JpaRepository<LiaisonPlan, Long> {
    Optional<LiaisonPlan> findByPlanYear(int planYear);

    List<LiaisonPlan> findAllByOrderByPlanYearDesc();
}

interface LiaisonAssignmentRepository extends JpaRepository<LiaisonAssignment, Long> {
    List<LiaisonAssignment> findByPlanIdOrderByLiaisonMemberIdAscMemberIdAsc(Long planId);

    List<LiaisonAssignment> findByPlanIdAndLiaisonMemberIdOrderByMemberIdAsc(Long planId, Long liaisonMemberId);

    Optional<LiaisonAssignment> findByPlanIdAndMemberId(Long planId, Long memberId);

    boolean existsByPlanIdAndLiaisonMemberId(Long planId, Long liaisonMemberId);
}

interface LiaisonContactRepository extends JpaRepository<LiaisonContact, Long> {
    List<LiaisonContact> findByContactDateBetweenOrderByContactDateAscIdAsc(LocalDate from, LocalDate to);

    /** Contacts a user may see: all (everyone = true), or those where the member is the liaison or was met. */
    @Query("""
            select c from LiaisonContact c
            where c.contactDate between :from and :to
              and (:liaison is null or c.liaisonMemberId = :liaison)
              and (:member is null or exists (select 1 from LiaisonParticipant p where p.contactId = c.id and p.memberId = :member))
              and (:everyone = true or c.liaisonMemberId = :me
                   or exists (select 1 from LiaisonParticipant p2 where p2.contactId = c.id and p2.memberId = :me))
            order by c.contactDate desc, c.id desc""")
    Page<LiaisonContact> search(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                @Param("liaison") Long liaison, @Param("member") Long member,
                                @Param("everyone") boolean everyone, @Param("me") Long me, Pageable page);

    /** Contacts per (liaison, member) in a period: the counts compliance is made of. */
    @Query("""
            select c.liaisonMemberId, p.memberId, count(p)
            from LiaisonContact c, LiaisonParticipant p
            where p.contactId = c.id and c.contactDate between :from and :to
            group by c.liaisonMemberId, p.memberId""")
    List<Object[]> countPairs(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select p.memberId, max(c.contactDate)
            from LiaisonContact c, LiaisonParticipant p
            where p.contactId = c.id and c.liaisonMemberId = :liaison and c.contactDate between :from and :to
            group by p.memberId""")
    List<Object[]> lastContacts(@Param("liaison") Long liaison, @Param("from") LocalDate from, @Param("to") LocalDate to);
}

interface LiaisonParticipantRepository extends JpaRepository<LiaisonParticipant, Long> {
    List<LiaisonParticipant> findByContactIdInOrderByContactIdAscMemberIdAsc(Collection<Long> contactIds);
}

interface LiaisonFollowUpRepository extends JpaRepository<LiaisonFollowUp, Long> {
    List<LiaisonFollowUp> findByContactIdInOrderByIdAsc(Collection<Long> contactIds);

    @Query("""
            select f from LiaisonFollowUp f, LiaisonContact c
            where f.contactId = c.id
              and (:kind is null or f.kind = :kind)
              and (:open = false or f.status = org.xieshang.liaison.internal.FollowUpStatus.OPEN)
              and (:liaison is null or c.liaisonMemberId = :liaison)
            order by c.contactDate desc, f.id desc""")
    Page<LiaisonFollowUp> search(@Param("kind") FollowUpKind kind, @Param("open") boolean open,
                          @Param("liaison") Long liaison, Pageable page);
}

interface LiaisonReminderRepository extends JpaRepository<LiaisonReminder, Long> {
    List<LiaisonReminder> findByPlanYearOrderByReminderMonthAsc(int planYear);
}
