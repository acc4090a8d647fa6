package org.xieshang.assessment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface DutyEntryRepository extends JpaRepository<DutyEntry, Long> {

    Optional<DutyEntry> findBySourceTypeAndSourceIdAndSourceAspectAndMemberId(String sourceType, Long sourceId,
                                                                            String sourceAspect, Long memberId);

    List<DutyEntry> findBySourceTypeAndSourceIdAndSourceAspect(String sourceType, Long sourceId, String sourceAspect);

    List<DutyEntry> findBySourceTypeAndSourceId(String sourceType, Long sourceId);

    @Query("""
            select e from DutyEntry e where e.memberId = :memberId and e.active = true
              and e.entryDate between :from and :to order by e.entryDate, e.id""")
    List<DutyEntry> record(@Param("memberId") Long memberId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select e from DutyEntry e where e.active = true and e.entryDate between :from and :to
            order by e.memberId, e.entryDate, e.id""")
    List<DutyEntry> between(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select new org.xieshang.assessment.internal.EntryRow(e.memberId, e.id, e.kind, e.activityType,
              e.adoptionLevel, e.entryDate, e.description, e.points)
            from DutyEntry e where e.active = true and e.entryDate between :from and :to
            order by e.memberId, e.entryDate, e.id""")
    List<EntryRow> rowsBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("""
            select new org.xieshang.assessment.internal.EntryRow(e.memberId, e.id, e.kind, e.activityType,
              e.adoptionLevel, e.entryDate, e.description, e.points)
            from DutyEntry e where e.active = true and e.memberId = :memberId and e.entryDate between :from and :to
            order by e.entryDate, e.id""")
    List<EntryRow> rowsOf(@Param("memberId") Long memberId, @Param("from") LocalDate from, @Param("to") LocalDate to);
}

interface RulesRepository extends JpaRepository<RulesRecord, Long> {

    Optional<RulesRecord> findByRulesYear(int year);
}

interface RunRepository extends JpaRepository<AssessmentRun, Long> {

    List<AssessmentRun> findAllByOrderByStartedAtDescIdDesc();
}

interface ResultRepository extends JpaRepository<AssessmentResult, Long> {

    List<AssessmentResult> findByRunIdOrderByPointsDescMemberIdAsc(Long runId);

    Optional<AssessmentResult> findByRunIdAndMemberId(Long runId, Long memberId);

    long countByRunId(Long runId);
}

interface ActionRepository extends JpaRepository<MemberAction, Long> {

    List<MemberAction> findByMemberIdOrderByActionDateDescIdDesc(Long memberId);

    @Query("select a.actionType, count(a) from MemberAction a where a.actionDate between :from and :to group by a.actionType")
    List<Object[]> countByType(@Param("from") LocalDate from, @Param("to") LocalDate to);
}

interface ActionDocumentRepository extends JpaRepository<ActionDocument, Long> {

    List<ActionDocument> findByActionIdInOrderByIdAsc(Collection<Long> actionIds);
}

interface ResignationRepository extends JpaRepository<Resignation, Long> {

    List<Resignation> findByMemberIdOrderByRequestedAtDescIdDesc(Long memberId);

    Optional<Resignation> findFirstByMemberIdAndStatus(Long memberId, Resignation.Status status);

    @Query("select count(r) from Resignation r where r.status = org.xieshang.assessment.internal.Resignation$Status.APPROVED and r.meetingDate between :from and :to")
    long approvedBetween(@Param("from") LocalDate from, @Param("to") LocalDate to);
}

interface DutyRebuildRepository extends JpaRepository<DutyRebuild, Long> {

    List<DutyRebuild> findAllByOrderByStartedAtDescIdDesc();

    boolean existsByStatus(DutyRebuild.Status status);
}
