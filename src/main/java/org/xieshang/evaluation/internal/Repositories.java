package org.xieshang.evaluation.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface UnitEvaluationRepository extends JpaRepository<UnitEvaluation, Long> {

    List<UnitEvaluation> findAllByOrderByYearDescIdDesc();

    List<UnitEvaluation> findByStatusOrderByYearDescIdDesc(UnitEvaluation.Status status);
}

interface EvaluationDimensionRepository extends JpaRepository<EvaluationDimension, Long> {

    List<EvaluationDimension> findByEvaluationIdOrderBySortOrderAsc(Long evaluationId);
}

interface EvaluationUnitRepository extends JpaRepository<EvaluationUnit, Long> {

    List<EvaluationUnit> findByEvaluationIdOrderByIdAsc(Long evaluationId);

    List<EvaluationUnit> findByTermId(Long termId);

    Optional<EvaluationUnit> findByTermIdAndUnitId(Long termId, Long unitId);

    List<EvaluationUnit> findByUnitIdIn(Collection<Long> unitIds);

    List<EvaluationUnit> findAllByOrderByYearAsc();
}

interface EvaluationGroupRepository extends JpaRepository<EvaluationGroup, Long> {

    List<EvaluationGroup> findByEvaluationIdOrderByIdAsc(Long evaluationId);

    Optional<EvaluationGroup> findByEvaluationIdAndUnitId(Long evaluationId, Long unitId);
}

interface GroupMemberRepository extends JpaRepository<GroupMember, Long> {

    List<GroupMember> findByGroupIdInOrderByIdAsc(Collection<Long> groupIds);
}

interface ParticipantRepository extends JpaRepository<Participant, Long> {

    List<Participant> findByGroupIdInOrderByIdAsc(Collection<Long> groupIds);
}

interface GroupActivityRepository extends JpaRepository<GroupActivity, Long> {

    List<GroupActivity> findByGroupIdInOrderByIdAsc(Collection<Long> groupIds);
}

interface VoterRepository extends JpaRepository<Voter, Long> {

    boolean existsByEvaluationIdAndUnitIdAndMemberId(Long evaluationId, Long unitId, Long memberId);

    long countByEvaluationId(Long evaluationId);
}

interface BallotCodeRepository extends JpaRepository<BallotCode, Long> {

    Optional<BallotCode> findByCode(String code);

    List<BallotCode> findByEvaluationIdAndUnitIdAndUsedFalseOrderByIdAsc(Long evaluationId, Long unitId);

    long countByEvaluationIdAndUnitId(Long evaluationId, Long unitId);
}

interface TownshipAssessmentRepository extends JpaRepository<TownshipAssessment, Long> {

    List<TownshipAssessment> findAllByOrderByYearDesc();

    boolean existsByYear(int year);
}

interface TownshipCriterionRepository extends JpaRepository<TownshipCriterion, Long> {

    List<TownshipCriterion> findByAssessmentIdOrderBySortOrderAsc(Long assessmentId);
}

interface TownshipScoreRepository extends JpaRepository<TownshipScore, Long> {

    List<TownshipScore> findByAssessmentIdOrderByIdAsc(Long assessmentId);

    List<TownshipScore> findByAssessmentIdAndUnitId(Long assessmentId, Long unitId);
}

interface TownshipEvidenceRepository extends JpaRepository<TownshipEvidence, Long> {

    List<TownshipEvidence> findByAssessmentIdOrderByIdAsc(Long assessmentId);
}
