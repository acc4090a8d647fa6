package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.audit.AuditTrail;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.committee.UnitType;
import org.xieshang.document.Spreadsheets;
import org.xieshang.document.Table;
import org.xieshang.evaluation.internal.Scoring.TownshipRow;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;
import org.xieshang.shared.i18n.Messages;

/**
 * The township and street assessment (DESIGN §5): a checklist per year with points, evidence per
 * township, raw and weighted scores (raw ÷ the checklist's maximum × the year's weight), ranking,
 * the .xlsx export and each township's weighted score across years.
 */
@Service
@Transactional(readOnly = true)
public class TownshipService {

    static final String AUDIT_TYPE = "TownshipAssessment";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** The seed's four items, 25 points each. */
    static final List<CriterionForm> DEFAULT_CRITERIA = List.of(
            new CriterionForm("LEADERSHIP", "党委政府领导重视政协工作", new BigDecimal("25")),
            new CriterionForm("WORK_PLAN", "制定年度政协工作计划", new BigDecimal("25")),
            new CriterionForm("FUNDING", "政协工作经费有保障", new BigDecimal("25")),
            new CriterionForm("MEMBER_STUDY", "组织委员学习", new BigDecimal("25")));

    public record CriterionForm(String code, String name, BigDecimal maxPoints) {
    }

    public record AssessmentForm(Integer year, BigDecimal weight, List<CriterionForm> criteria) {
    }

    public record EvidenceView(Long id, String name, long size) {
    }

    public record TownshipEntry(Long unitId, String unitName, Map<String, BigDecimal> criterionScores,
                                List<EvidenceView> evidence) {
    }

    public record ResultRow(Long unitId, String unitName, BigDecimal rawScore, BigDecimal maxScore,
                            BigDecimal weightedScore, Integer rank) {
    }

    public record AssessmentView(Long id, int year, BigDecimal weight, List<CriterionForm> criteria,
                                 List<TownshipEntry> townships, List<ResultRow> results, long version) {
    }

    public record AssessmentSummary(Long id, int year, BigDecimal weight) {
    }

    /** Each township's weighted score across years (null: not assessed that year), for the chart. */
    public record Series(Long unitId, String name, List<BigDecimal> weighted) {
    }

    public record Chart(List<Integer> years, List<BigDecimal> weights, List<Series> series) {
    }

    public record Stored(String filename, String contentType, java.nio.file.Path path) {
    }

    private final TownshipAssessmentRepository assessments;
    private final TownshipCriterionRepository criteria;
    private final TownshipScoreRepository scores;
    private final TownshipEvidenceRepository evidence;
    private final ReferenceData reference;
    private final FileStore files;
    private final AuditTrail audit;
    private final Messages messages;
    private final Clock clock;

    TownshipService(TownshipAssessmentRepository assessments, TownshipCriterionRepository criteria,
                    TownshipScoreRepository scores, TownshipEvidenceRepository evidence, ReferenceData reference,
                    FileStore files, AuditTrail audit, Messages messages, Clock clock) {
        this.assessments = assessments;
        this.criteria = criteria;
        this.scores = scores;
        this.evidence = evidence;
        this.reference = reference;
        this.files = files;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public AssessmentView create(AssessmentForm form) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        if (form == null) {
            throw InvalidInput.field("year", "validation.required");
        }
        int year = EvaluationService.year(form.year());
        InvalidInput invalid = new InvalidInput();
        BigDecimal weight = form.weight();
        if (weight == null) {
            invalid.add("weight", "validation.required");
        } else if (weight.signum() <= 0 || weight.compareTo(new BigDecimal("100")) > 0 || weight.scale() > 2) {
            invalid.add("weight", "evaluation.validation.townshipWeight");
        }
        List<CriterionForm> items = criteria(form.criteria(), invalid);
        invalid.throwIfAny();
        if (assessments.existsByYear(year)) {
            throw new Conflict("evaluation.conflict.townshipYear", year);
        }
        TownshipAssessment a;
        try {
            a = assessments.saveAndFlush(new TownshipAssessment(year, weight, clock.instant(), user.username()));
        } catch (DataIntegrityViolationException raced) {
            throw new Conflict("evaluation.conflict.townshipYear", year);
        }
        for (int i = 0; i < items.size(); i++) {
            CriterionForm c = items.get(i);
            criteria.save(new TownshipCriterion(a.getId(), c.code(), c.name(), c.maxPoints(), i));
        }
        audit.record(AUDIT_TYPE, a.getId(), "CREATE", EvaluationService.details("year", year, "weight", weight,
                "criteria", items.stream().map(CriterionForm::code).toList()));
        return view(a);
    }

    private static List<CriterionForm> criteria(List<CriterionForm> given, InvalidInput invalid) {
        if (given == null || given.isEmpty()) {
            return DEFAULT_CRITERIA;
        }
        if (given.size() > 30) {
            invalid.add("criteria", "evaluation.validation.tooMany", 30);
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<CriterionForm> out = new ArrayList<>();
        for (CriterionForm c : given) {
            String name = c == null ? null : EvaluationService.trim(c.name());
            if (c == null || c.code() == null || !CODE.matcher(c.code()).matches() || !seen.add(c.code())) {
                invalid.add("criteria", "evaluation.validation.dimensionCode");
            } else if (name == null || name.length() > 200) {
                invalid.add("criteria", "evaluation.validation.dimensionName");
            } else if (c.maxPoints() == null || c.maxPoints().signum() <= 0 || c.maxPoints().compareTo(new BigDecimal("1000")) > 0
                    || c.maxPoints().scale() > 2) {
                invalid.add("criteria", "evaluation.validation.maxPoints");
            } else {
                out.add(new CriterionForm(c.code(), name, c.maxPoints()));
            }
        }
        return out;
    }

    /** A township's points on the checklist (ADMIN); replaces its earlier points; items not given count 0. */
    @Transactional
    public ResultRow score(Long id, Long unitId, Map<String, BigDecimal> points) {
        CurrentUsers.requireAny(Role.ADMIN);
        TownshipAssessment a = find(id);
        UnitView unit = township(unitId);
        List<TownshipCriterion> items = criteria.findByAssessmentIdOrderBySortOrderAsc(a.getId());
        Map<String, BigDecimal> given = points == null ? Map.of() : points;
        InvalidInput invalid = new InvalidInput();
        Map<String, TownshipCriterion> byCode = new LinkedHashMap<>();
        items.forEach(c -> byCode.put(c.getCode(), c));
        for (Map.Entry<String, BigDecimal> e : given.entrySet()) {
            TownshipCriterion c = byCode.get(e.getKey());
            if (c == null) {
                invalid.add("criterionScores." + e.getKey(), "evaluation.validation.unknownDimension");
            } else if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(c.getMaxPoints()) > 0
                    || e.getValue().scale() > 2) {
                invalid.add("criterionScores." + e.getKey(), "evaluation.validation.points", c.getMaxPoints().toPlainString());
            }
        }
        if (given.isEmpty()) {
            invalid.add("criterionScores", "validation.required");
        }
        invalid.throwIfAny();
        Map<String, TownshipScore> existing = new HashMap<>();
        scores.findByAssessmentIdAndUnitId(a.getId(), unit.id()).forEach(s -> existing.put(s.getCriterionCode(), s));
        for (TownshipCriterion c : items) {
            BigDecimal p = given.getOrDefault(c.getCode(), BigDecimal.ZERO);
            TownshipScore s = existing.get(c.getCode());
            if (s == null) {
                scores.save(new TownshipScore(a.getId(), unit.id(), c.getCode(), p));
            } else if (s.getPoints().compareTo(p) != 0) {
                s.points(p);
            }
        }
        scores.flush();
        audit.record(AUDIT_TYPE, a.getId(), "SCORE", EvaluationService.details("unitId", unit.id(), "points", given));
        return results(a).stream().filter(r -> r.unitId().equals(unit.id())).findFirst().orElseThrow();
    }

    private UnitView township(Long unitId) {
        UnitView unit = unitId == null ? null : reference.unit(unitId).orElse(null);
        if (unit == null || unit.type() != UnitType.TOWNSHIP) {
            throw InvalidInput.field("unitId", "evaluation.validation.notTownship");
        }
        return unit;
    }

    @Transactional
    public EvidenceView addEvidence(Long id, Long unitId, MultipartFile file) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        TownshipAssessment a = find(id);
        UnitView unit = township(unitId);
        String name = FileStore.checked(file, "evaluation");
        String key = files.store("township", file);
        TownshipEvidence ev = evidence.save(new TownshipEvidence(a.getId(), unit.id(), name, key,
                FileStore.contentType(name), file.getSize(), clock.instant(), user.username()));
        audit.record(AUDIT_TYPE, a.getId(), "EVIDENCE", EvaluationService.details("unitId", unit.id(), "name", name));
        return new EvidenceView(ev.getId(), name, ev.getSize());
    }

    public Stored evidenceFile(Long id, Long evidenceId) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        TownshipAssessment a = find(id);
        TownshipEvidence ev = evidence.findById(evidenceId == null ? -1L : evidenceId)
                .filter(x -> x.getAssessmentId().equals(a.getId())).orElseThrow(NotFound::new);
        return new Stored(ev.getName(), ev.getContentType(), files.path(ev.getFileKey()));
    }

    public List<AssessmentSummary> list() {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        return assessments.findAllByOrderByYearDesc().stream()
                .map(a -> new AssessmentSummary(a.getId(), a.getYear(), a.getWeight())).toList();
    }

    public AssessmentView get(Long id) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        return view(find(id));
    }

    public List<ResultRow> results(Long id) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        return results(find(id));
    }

    private List<ResultRow> results(TownshipAssessment a) {
        BigDecimal max = criteria.findByAssessmentIdOrderBySortOrderAsc(a.getId()).stream().map(TownshipCriterion::getMaxPoints)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Long, BigDecimal> raw = new LinkedHashMap<>();
        scores.findByAssessmentIdOrderByIdAsc(a.getId()).forEach(s -> raw.merge(s.getUnitId(), s.getPoints(), BigDecimal::add));
        Map<Long, String> names = new HashMap<>();
        reference.units().forEach(u -> names.put(u.id(), u.name()));
        List<TownshipRow> rows = new ArrayList<>();
        raw.forEach((unitId, points) -> rows.add(new TownshipRow(unitId, names.get(unitId), points, max,
                Scoring.weighted(points, max, a.getWeight()), null)));
        return Scoring.townships(rows).stream().map(r -> new ResultRow(r.unitId(), r.unitName(), r.rawScore(), r.maxScore(),
                r.weightedScore(), r.rank())).toList();
    }

    private AssessmentView view(TownshipAssessment a) {
        List<CriterionForm> items = criteria.findByAssessmentIdOrderBySortOrderAsc(a.getId()).stream()
                .map(c -> new CriterionForm(c.getCode(), c.getName(), c.getMaxPoints())).toList();
        Map<Long, Map<String, BigDecimal>> byUnit = new LinkedHashMap<>();
        scores.findByAssessmentIdOrderByIdAsc(a.getId()).forEach(s ->
                byUnit.computeIfAbsent(s.getUnitId(), u -> new LinkedHashMap<>()).put(s.getCriterionCode(), s.getPoints()));
        Map<Long, List<EvidenceView>> files = new HashMap<>();
        evidence.findByAssessmentIdOrderByIdAsc(a.getId()).forEach(e ->
                files.computeIfAbsent(e.getUnitId(), u -> new ArrayList<>()).add(new EvidenceView(e.getId(), e.getName(), e.getSize())));
        List<TownshipEntry> townships = new ArrayList<>();
        for (UnitView u : reference.units()) {
            if (u.type() == UnitType.TOWNSHIP) {
                townships.add(new TownshipEntry(u.id(), u.name(), byUnit.getOrDefault(u.id(), Map.of()),
                        files.getOrDefault(u.id(), List.of())));
            }
        }
        return new AssessmentView(a.getId(), a.getYear(), a.getWeight(), items, townships, results(a), a.getVersion());
    }

    /** Every township's weighted score per assessed year, the oldest year first. */
    public Chart chart() {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        List<TownshipAssessment> all = new ArrayList<>(assessments.findAllByOrderByYearDesc());
        java.util.Collections.reverse(all);
        List<Integer> years = all.stream().map(TownshipAssessment::getYear).toList();
        Map<Long, BigDecimal[]> byUnit = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            for (ResultRow r : results(all.get(i))) {
                byUnit.computeIfAbsent(r.unitId(), u -> new BigDecimal[all.size()])[i] = r.weightedScore();
                names.put(r.unitId(), r.unitName());
            }
        }
        List<Series> series = new ArrayList<>();
        byUnit.forEach((unitId, values) -> series.add(new Series(unitId, names.get(unitId), java.util.Arrays.asList(values))));
        return new Chart(years, all.stream().map(TownshipAssessment::getWeight).toList(), series);
    }

    /** The results and every item's points as .xlsx (ADMIN, leaders). */
    public byte[] export(Long id, Locale locale) {
        AssessmentView v = get(id);
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column(messages.get(locale, "evaluation.results.rank"), Table.Kind.COUNT));
        columns.add(new Table.Column(messages.get(locale, "evaluation.township.unit"), Table.Kind.TEXT));
        for (CriterionForm c : v.criteria()) {
            columns.add(new Table.Column(c.name(), Table.Kind.TEXT));
        }
        columns.add(new Table.Column(messages.get(locale, "evaluation.township.raw"), Table.Kind.TEXT));
        columns.add(new Table.Column(messages.get(locale, "evaluation.township.weighted", v.weight().toPlainString()),
                Table.Kind.TEXT));
        Map<Long, TownshipEntry> entries = new HashMap<>();
        v.townships().forEach(t -> entries.put(t.unitId(), t));
        List<List<Object>> rows = new ArrayList<>();
        for (ResultRow r : v.results()) {
            List<Object> row = new ArrayList<>();
            row.add(r.rank());
            row.add(r.unitName());
            Map<String, BigDecimal> pts = entries.containsKey(r.unitId()) ? entries.get(r.unitId()).criterionScores() : Map.of();
            for (CriterionForm c : v.criteria()) {
                row.add(pts.getOrDefault(c.code(), BigDecimal.ZERO).toPlainString());
            }
            row.add(r.rawScore().toPlainString());
            row.add(r.weightedScore().toPlainString());
            rows.add(row);
        }
        return Spreadsheets.workbook(List.of(new Table("township", messages.get(locale, "evaluation.township.sheet", v.year()),
                columns, rows)));
    }

    TownshipAssessment find(Long id) {
        return assessments.findById(id == null ? -1L : id).orElseThrow(NotFound::new);
    }

    static Set<Integer> years(List<AssessmentSummary> list) {
        return new TreeSet<>(list.stream().map(AssessmentSummary::year).toList());
    }
}
