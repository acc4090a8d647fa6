package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.activity.Activities;
import org.xieshang.activity.ActivityType;
import org.xieshang.audit.AuditTrail;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.TermView;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.committee.UnitType;
import org.xieshang.evaluation.internal.CandidatePlanner.Coverage;
import org.xieshang.evaluation.internal.CandidatePlanner.UnitInfo;
import org.xieshang.evaluation.internal.Scoring.Dimension;
import org.xieshang.evaluation.internal.Scoring.Ranked;
import org.xieshang.evaluation.internal.Scoring.UnitBallots;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.member.MemberRole;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/**
 * The use cases of democratic evaluation (DESIGN §5): candidates, the standing committee's decision,
 * groups, ballots (signed-in group members, one-time codes, paper ballots entered by the office),
 * results and publication. Each is one transaction that checks who may act and writes the audit record.
 */
@Service
@Transactional(readOnly = true)
public class EvaluationService {

    static final String AUDIT_TYPE = "Evaluation";
    static final int MAX_UNITS = 20;
    static final int MAX_CODES = 500;
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 10;
    private static final Pattern DIMENSION_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The seed's six dimensions and their default weights (sum 100). */
    static final List<DimensionForm> DEFAULT_DIMENSIONS = List.of(
            new DimensionForm("DUTY_PERFORMANCE", "部门职能履行", new BigDecimal("25")),
            new DimensionForm("SERVING_CENTRE", "服务中心", new BigDecimal("15")),
            new DimensionForm("LAW_BASED_ADMINISTRATION", "依法行政", new BigDecimal("15")),
            new DimensionForm("WORK_STYLE", "作风建设", new BigDecimal("15")),
            new DimensionForm("INTEGRITY", "反腐倡廉建设", new BigDecimal("10")),
            new DimensionForm("PROPOSAL_HANDLING", "提案办理", new BigDecimal("20")));

    public record DimensionForm(String code, String name, BigDecimal weight) {
    }

    public record Candidate(Long unitId, String name, UnitType type, Integer lastEvaluatedYear) {
    }

    public record Candidates(int year, Long termId, String termName, int count, List<Candidate> items, int waiting,
                             int yearsLeft, boolean allCovered, boolean enoughUnits, Map<UnitType, Integer> evaluatedPerType) {
    }

    /** {@code proposalHandlingFromStats}: the year's setting, see {@link HandlingFigure} (default off). */
    public record EvaluationForm(Integer year, Long termId, List<Long> unitIds, String meeting, LocalDate decisionDate,
                                 List<DimensionForm> dimensions, Boolean proposalHandlingFromStats) {
        public EvaluationForm(Integer year, Long termId, List<Long> unitIds, String meeting, LocalDate decisionDate,
                              List<DimensionForm> dimensions) {
            this(year, termId, unitIds, meeting, decisionDate, dimensions, null);
        }
    }

    /** The dimension that can be filled from the proposal figures (提案办理). */
    static final String HANDLING = "PROPOSAL_HANDLING";

    /** A unit's proposal figures and the fixed score of the proposal-handling dimension they give. */
    public record Handling(long replied, long repliedOnTime, long rated, long satisfied, BigDecimal onTimeReplyRate,
                           BigDecimal satisfactionRate, BigDecimal score) {
        static Handling of(HandlingFigure f) {
            return new Handling(f.replied(), f.onTime(), f.rated(), f.satisfied(), f.onTimeRate(), f.satisfactionRate(),
                    f.score());
        }
    }

    public record External(String name, String organisation) {
    }

    public record GroupForm(Long unitId, Long leaderMemberId, List<Long> memberIds, List<External> externalParticipants) {
    }

    public record Person(Long memberId, String name) {
    }

    public record GroupView(Long id, Long unitId, String unitName, Person leader, List<Person> members,
                            List<External> externalParticipants, List<Long> activityIds, int ballotCodes) {
    }

    public record UnitEntry(Long unitId, String name, String type, int ballots) {
    }

    public record EvaluationView(Long id, int year, Long termId, String meeting, LocalDate decisionDate, String status,
                                 List<DimensionForm> dimensions, List<UnitEntry> units, List<GroupView> groups,
                                 long ballotsCounted, java.time.Instant publishedAt, Long bulletinId, long version,
                                 boolean proposalHandlingFromStats) {
    }

    public record EvaluationSummary(Long id, int year, String status, List<String> units, java.time.Instant publishedAt) {
    }

    /** {@code proposalHandling}: the unit's proposal figures when the dimension is filled from them, else null. */
    public record RankedUnit(Long unitId, String unitName, BigDecimal score, Map<String, BigDecimal> dimensionScores,
                             int ballots, Integer rank, boolean topTen, Handling proposalHandling) {
    }

    /** Results: no ballot ids, no voters, only aggregates (anonymity). */
    public record Results(Long evaluationId, int year, boolean published, List<DimensionForm> dimensions,
                          List<RankedUnit> ranking, boolean proposalHandlingFromStats) {
    }

    public record IssuedCode(String code, Long unitId) {
    }

    /** A printable ballot sheet: the code, the phone page's address and its QR code as a data URI. */
    public record Sheet(String code, String url, String qrDataUri) {
    }

    /** What a ballot-code holder sees before voting: the year, the unit and the dimensions. */
    public record BallotSheet(String code, int year, Long unitId, String unitName, List<DimensionForm> dimensions,
                              boolean used, boolean open, Map<String, Handling> fixed) {
    }

    private final UnitEvaluationRepository evaluations;
    private final EvaluationDimensionRepository dimensions;
    private final EvaluationUnitRepository units;
    private final EvaluationGroupRepository groups;
    private final GroupMemberRepository groupMembers;
    private final ParticipantRepository participants;
    private final GroupActivityRepository groupActivities;
    private final VoterRepository voters;
    private final BallotCodeRepository codes;
    private final BallotBox box;
    private final ReferenceData reference;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final Activities activities;
    private final Clock clock;
    private HandlingFigures handlingFigures;

    @org.springframework.beans.factory.annotation.Autowired
    void setHandlingFigures(HandlingFigures handlingFigures) {
        this.handlingFigures = handlingFigures;
    }

    EvaluationService(UnitEvaluationRepository evaluations, EvaluationDimensionRepository dimensions, EvaluationUnitRepository units,
                      EvaluationGroupRepository groups, GroupMemberRepository groupMembers, ParticipantRepository participants,
                      GroupActivityRepository groupActivities, VoterRepository voters, BallotCodeRepository codes, BallotBox box,
                      ReferenceData reference, MemberDirectory members, AuditTrail audit, Activities activities, Clock clock) {
        this.evaluations = evaluations;
        this.dimensions = dimensions;
        this.units = units;
        this.groups = groups;
        this.groupMembers = groupMembers;
        this.participants = participants;
        this.groupActivities = groupActivities;
        this.voters = voters;
        this.codes = codes;
        this.box = box;
        this.reference = reference;
        this.members = members;
        this.audit = audit;
        this.activities = activities;
        this.clock = clock;
    }

    // --- selection ---

    /** The planner's proposal for a year (ADMIN): see {@link CandidatePlanner} for the rules and tie-break. */
    public Candidates candidates(Integer year, Integer count, Long termId) {
        CurrentUsers.requireAny(Role.ADMIN);
        int y = year(year);
        int k = count == null ? 3 : count;
        if (k < 1 || k > MAX_UNITS) {
            throw InvalidInput.field("count", "evaluation.validation.count", MAX_UNITS);
        }
        TermView term = term(termId, y);
        List<UnitInfo> infos = unitInfos(term.id());
        List<Candidate> proposed = CandidatePlanner.propose(infos, k).stream()
                .map(u -> new Candidate(u.id(), u.name(), u.type(), u.lastEvaluatedYear())).toList();
        int yearsLeft = term.endDate().getYear() - y + 1;
        boolean thisYearDone = units.findByTermId(term.id()).stream().anyMatch(u -> u.getYear() == y);
        Coverage coverage = CandidatePlanner.coverage(infos, thisYearDone ? yearsLeft - 1 : yearsLeft, k);
        return new Candidates(y, term.id(), term.name(), k, proposed, coverage.waiting(), coverage.yearsLeft(),
                coverage.allCovered(), coverage.enoughUnits(), CandidatePlanner.perType(infos));
    }

    private List<UnitInfo> unitInfos(Long termId) {
        Map<Long, Integer> last = new HashMap<>();
        Set<Long> inTerm = new HashSet<>();
        for (EvaluationUnit e : units.findAll()) {
            last.merge(e.getUnitId(), e.getYear(), Math::max);
            if (e.getTermId().equals(termId)) {
                inTerm.add(e.getUnitId());
            }
        }
        return reference.units().stream().filter(u -> CandidatePlanner.evaluable(u.type()))
                .map(u -> new UnitInfo(u.id(), u.name(), u.type(), last.get(u.id()), inTerm.contains(u.id()))).toList();
    }

    /** Records the standing committee's decision (ADMIN); 409 for a unit already evaluated in the term. */
    @Transactional
    public EvaluationView create(EvaluationForm form) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        if (form == null) {
            throw InvalidInput.field("year", "validation.required");
        }
        InvalidInput invalid = new InvalidInput();
        int y = year(form.year());
        TermView term = term(form.termId(), y);
        List<Long> ids = form.unitIds() == null ? List.of() : form.unitIds();
        List<UnitView> chosen = new ArrayList<>();
        if (ids.isEmpty() || ids.size() > MAX_UNITS) {
            invalid.add("unitIds", "evaluation.validation.unitCount", MAX_UNITS);
        } else if (ids.stream().anyMatch(Objects::isNull) || new HashSet<>(ids).size() != ids.size()) {
            invalid.add("unitIds", "evaluation.validation.duplicateUnit");
        } else {
            for (Long id : ids) {
                UnitView u = reference.unit(id).orElse(null);
                if (u == null) {
                    invalid.add("unitIds", "evaluation.validation.unknownUnit", id);
                } else if (!CandidatePlanner.evaluable(u.type())) {
                    invalid.add("unitIds", "evaluation.validation.township", u.name());
                } else {
                    chosen.add(u);
                }
            }
        }
        String meeting = trim(form.meeting());
        if (meeting != null && meeting.length() > 200) {
            invalid.add("meeting", "validation.length", 1, 200);
        }
        List<DimensionForm> dims = dimensions(form.dimensions(), invalid);
        boolean fromStats = Boolean.TRUE.equals(form.proposalHandlingFromStats());
        if (fromStats && dims.stream().noneMatch(d -> HANDLING.equals(d.code()))) {
            invalid.add("proposalHandlingFromStats", "evaluation.validation.noHandlingDimension", HANDLING);
        }
        invalid.throwIfAny();
        if (evaluations.findAll().stream().anyMatch(e -> e.getTermId().equals(term.id()) && e.getYear() == y)) {
            throw new Conflict("evaluation.conflict.yearExists", y);
        }
        for (UnitView u : chosen) {
            units.findByTermIdAndUnitId(term.id(), u.id()).ifPresent(e -> {
                throw new Conflict("evaluation.conflict.unitEvaluated", u.name(), e.getYear());
            });
        }
        UnitEvaluation fresh = new UnitEvaluation(term.id(), y, meeting, form.decisionDate(), clock.instant(), user.username());
        fresh.handlingFromStats(fromStats);
        UnitEvaluation e = evaluations.saveAndFlush(fresh);
        for (int i = 0; i < dims.size(); i++) {
            DimensionForm d = dims.get(i);
            dimensions.save(new EvaluationDimension(e.getId(), d.code(), d.name(), d.weight(), i));
        }
        try {
            for (UnitView u : chosen) {
                units.saveAndFlush(new EvaluationUnit(e.getId(), term.id(), y, u.id(), u.name(), u.type().name()));
            }
        } catch (DataIntegrityViolationException raced) {
            // another decision took the unit at the same moment: the unique key per term answers
            throw new Conflict("evaluation.conflict.unitEvaluated", "", y);
        }
        audit.record(AUDIT_TYPE, e.getId(), "DECIDE", details("year", y, "unitIds", ids, "meeting", meeting,
                "decisionDate", form.decisionDate(), "proposalHandlingFromStats", fromStats));
        return view(e);
    }

    private static List<DimensionForm> dimensions(List<DimensionForm> given, InvalidInput invalid) {
        if (given == null || given.isEmpty()) {
            return DEFAULT_DIMENSIONS;
        }
        if (given.size() > 12) {
            invalid.add("dimensions", "evaluation.validation.dimensionCount", 12);
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<DimensionForm> out = new ArrayList<>();
        for (DimensionForm d : given) {
            if (d == null || d.code() == null || !DIMENSION_CODE.matcher(d.code()).matches() || !seen.add(d.code())) {
                invalid.add("dimensions", "evaluation.validation.dimensionCode");
                continue;
            }
            String name = trim(d.name());
            if (name == null || name.length() > 100) {
                invalid.add("dimensions", "evaluation.validation.dimensionName");
                continue;
            }
            if (d.weight() == null || d.weight().signum() <= 0 || d.weight().compareTo(new BigDecimal("1000")) > 0
                    || d.weight().scale() > 2) {
                invalid.add("dimensions", "evaluation.validation.weight");
                continue;
            }
            out.add(new DimensionForm(d.code(), name, d.weight()));
        }
        return out;
    }

    // --- groups ---

    /** One group per unit (ADMIN), led by a vice-chair; members and service recipients; 409 for a second group. */
    @Transactional
    public GroupView addGroup(Long evaluationId, GroupForm form) {
        CurrentUsers.requireAny(Role.ADMIN);
        UnitEvaluation e = find(evaluationId);
        if (e.isPublished()) {
            throw new Conflict("evaluation.conflict.published");
        }
        if (form == null) {
            throw InvalidInput.field("unitId", "validation.required");
        }
        InvalidInput invalid = new InvalidInput();
        EvaluationUnit unit = form.unitId() == null ? null : units.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .filter(u -> u.getUnitId().equals(form.unitId())).findFirst().orElse(null);
        if (unit == null) {
            invalid.add("unitId", "evaluation.validation.notEvaluatedUnit");
        }
        MemberSummary leader = form.leaderMemberId() == null ? null : members.find(form.leaderMemberId()).orElse(null);
        if (leader == null) {
            invalid.add("leaderMemberId", "validation.required");
        } else if (!leader.roles().contains(MemberRole.VICE_CHAIR) || !leader.status().isServing()) {
            invalid.add("leaderMemberId", "evaluation.validation.leaderNotViceChair", leader.name());
        }
        List<Long> memberIds = form.memberIds() == null ? List.of() : form.memberIds();
        Set<Long> distinct = new LinkedHashSet<>();
        for (Long id : memberIds) {
            MemberSummary m = id == null ? null : members.find(id).orElse(null);
            if (m == null || !m.status().isServing()) {
                invalid.add("memberIds", "evaluation.validation.unknownMember", id);
            } else if (!Objects.equals(id, form.leaderMemberId())) {
                distinct.add(id);
            }
        }
        if (distinct.size() > 100) {
            invalid.add("memberIds", "evaluation.validation.tooMany", 100);
        }
        List<External> externals = form.externalParticipants() == null ? List.of() : form.externalParticipants();
        List<External> cleaned = new ArrayList<>();
        for (External x : externals) {
            String name = x == null ? null : trim(x.name());
            String org = x == null ? null : trim(x.organisation());
            if (name == null || name.length() > 100 || (org != null && org.length() > 200)) {
                invalid.add("externalParticipants", "evaluation.validation.external");
            } else {
                cleaned.add(new External(name, org));
            }
        }
        if (cleaned.size() > 100) {
            invalid.add("externalParticipants", "evaluation.validation.tooMany", 100);
        }
        invalid.throwIfAny();
        if (groups.findByEvaluationIdAndUnitId(e.getId(), unit.getUnitId()).isPresent()) {
            throw new Conflict("evaluation.conflict.groupExists", unit.getUnitName());
        }
        EvaluationGroup g;
        try {
            g = groups.saveAndFlush(new EvaluationGroup(e.getId(), unit.getUnitId(), leader.id()));
        } catch (DataIntegrityViolationException raced) {
            throw new Conflict("evaluation.conflict.groupExists", unit.getUnitName());
        }
        distinct.forEach(id -> groupMembers.save(new GroupMember(g.getId(), id)));
        cleaned.forEach(x -> participants.save(new Participant(g.getId(), x.name(), x.organisation())));
        audit.record(AUDIT_TYPE, e.getId(), "GROUP", details("unitId", unit.getUnitId(), "leaderMemberId", leader.id(),
                "memberIds", List.copyOf(distinct), "externalParticipants", cleaned.size()));
        return groupViews(e, List.of(g)).get(0);
    }

    /** A research visit (RESEARCH) or symposium (CONSULTATION) to plan for a group in the activity module. */
    public record VisitForm(ActivityType type, String title, java.time.Instant startsAt, java.time.Instant endsAt,
                            String location) {
    }

    /**
     * A research visit or symposium of a group (ADMIN): either an existing activity linked by id, or a
     * new one planned in the activity module with the group's leader and members invited. The activity
     * module keeps its attendance, which counts in the duty record.
     */
    @Transactional
    public GroupView linkActivity(Long evaluationId, Long groupId, Long activityId, VisitForm visit) {
        CurrentUsers.requireAny(Role.ADMIN);
        UnitEvaluation e = find(evaluationId);
        EvaluationGroup g = groups.findById(groupId == null ? -1L : groupId).filter(x -> x.getEvaluationId().equals(e.getId()))
                .orElseThrow(NotFound::new);
        if (activityId == null && visit != null) {
            if (visit.type() != ActivityType.RESEARCH && visit.type() != ActivityType.CONSULTATION) {
                throw InvalidInput.field("type", "evaluation.validation.visitType");
            }
            List<Long> invited = new ArrayList<>();
            invited.add(g.getLeaderMemberId());
            groupMembers.findByGroupIdInOrderByIdAsc(List.of(g.getId())).forEach(m -> invited.add(m.getMemberId()));
            activityId = activities.plan(visit.type(), visit.title(), visit.startsAt(), visit.endsAt(), visit.location(),
                    invited);
        }
        if (activityId == null || activityId <= 0) {
            throw InvalidInput.field("activityId", "validation.required");
        }
        Long linked = activityId;
        if (groupActivities.findByGroupIdInOrderByIdAsc(List.of(g.getId())).stream()
                .anyMatch(a -> a.getActivityId().equals(linked))) {
            throw new Conflict("evaluation.conflict.activityLinked");
        }
        groupActivities.save(new GroupActivity(g.getId(), linked));
        audit.record(AUDIT_TYPE, e.getId(), "ACTIVITY", details("groupId", g.getId(), "activityId", linked));
        return groupViews(e, List.of(g)).get(0);
    }

    // --- ballots ---

    /** A signed-in group member's ballot for the group's unit; once per member and unit (409). */
    @Transactional
    public void vote(Long evaluationId, Long unitId, Map<String, Integer> scores) {
        CurrentUser user = CurrentUsers.require();
        UnitEvaluation e = find(evaluationId);
        if (user.memberId() == null) {
            throw new Forbidden();
        }
        if (unitId == null) {
            throw InvalidInput.field("unitId", "validation.required");
        }
        EvaluationGroup g = groups.findByEvaluationIdAndUnitId(e.getId(), unitId).orElse(null);
        if (g == null || !inGroup(g, user.memberId())) {
            throw new Forbidden();
        }
        Map<String, Integer> valid = scores(e, scores);
        if (e.isPublished()) {
            throw new Conflict("evaluation.conflict.published");
        }
        if (voters.existsByEvaluationIdAndUnitIdAndMemberId(e.getId(), unitId, user.memberId())) {
            throw new Conflict("evaluation.conflict.voted");
        }
        try {
            voters.saveAndFlush(new Voter(e.getId(), unitId, user.memberId()));
        } catch (DataIntegrityViolationException raced) {
            throw new Conflict("evaluation.conflict.voted");
        }
        box.drop(e.getId(), unitId, valid);
        audit.record(AUDIT_TYPE, e.getId(), "BALLOT", details("unitId", unitId, "channel", "MEMBER"));
    }

    private boolean inGroup(EvaluationGroup g, Long memberId) {
        return g.getLeaderMemberId().equals(memberId) || groupMembers.findByGroupIdInOrderByIdAsc(List.of(g.getId()))
                .stream().anyMatch(m -> m.getMemberId().equals(memberId));
    }

    /** Every dimension scored, 0–100, nothing else. */
    private Map<String, Integer> scores(UnitEvaluation e, Map<String, Integer> scores) {
        List<EvaluationDimension> dims = dimensions.findByEvaluationIdOrderBySortOrderAsc(e.getId());
        InvalidInput invalid = new InvalidInput();
        Map<String, Integer> given = scores == null ? Map.of() : scores;
        Map<String, Integer> valid = new LinkedHashMap<>();
        for (EvaluationDimension d : dims) {
            Integer v = given.get(d.getCode());
            if (e.isHandlingFromStats() && HANDLING.equals(d.getCode())) {
                // filled from the proposal figures: evaluators do not score it
                if (v != null) {
                    invalid.add("scores." + d.getCode(), "evaluation.validation.fixedDimension");
                }
                continue;
            }
            if (v == null) {
                invalid.add("scores." + d.getCode(), "validation.required");
            } else if (v < 0 || v > 100) {
                invalid.add("scores." + d.getCode(), "evaluation.validation.score");
            } else {
                valid.put(d.getCode(), v);
            }
        }
        Set<String> known = new HashSet<>();
        dims.forEach(d -> known.add(d.getCode()));
        given.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> invalid.add("scores." + k, "evaluation.validation.unknownDimension"));
        invalid.throwIfAny();
        return valid;
    }

    /** One-time codes for printed ballot sheets of a unit (ADMIN); not tied to a person. */
    @Transactional
    public List<IssuedCode> issueCodes(Long evaluationId, Long unitId, Integer count) {
        CurrentUsers.requireAny(Role.ADMIN);
        UnitEvaluation e = find(evaluationId);
        if (unitId == null || units.findByEvaluationIdOrderByIdAsc(e.getId()).stream().noneMatch(u -> u.getUnitId().equals(unitId))) {
            throw InvalidInput.field("unitId", "evaluation.validation.notEvaluatedUnit");
        }
        int n = count == null ? 1 : count;
        if (n < 1 || n > MAX_CODES) {
            throw InvalidInput.field("count", "evaluation.validation.codeCount", MAX_CODES);
        }
        if (e.isPublished()) {
            throw new Conflict("evaluation.conflict.published");
        }
        List<IssuedCode> issued = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = newCode();
            codes.save(new BallotCode(e.getId(), unitId, code));
            issued.add(new IssuedCode(code, unitId));
        }
        audit.record(AUDIT_TYPE, e.getId(), "CODES", details("unitId", unitId, "count", n));
        return issued;
    }

    /** Unused codes of a unit, for printing the sheets again (ADMIN). */
    public List<IssuedCode> unusedCodes(Long evaluationId, Long unitId) {
        CurrentUsers.requireAny(Role.ADMIN);
        UnitEvaluation e = find(evaluationId);
        return codes.findByEvaluationIdAndUnitIdAndUsedFalseOrderByIdAsc(e.getId(), unitId).stream()
                .map(c -> new IssuedCode(c.getCode(), c.getUnitId())).toList();
    }

    static String newCode() {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    /** The sheet behind a code (anyone holding it; the caller has set the code's committee); a forged code is 404. */
    public BallotSheet sheet(String code) {
        BallotCode c = codes.findByCode(normalise(code)).orElseThrow(NotFound::new);
        UnitEvaluation e = find(c.getEvaluationId());
        String unitName = units.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .filter(u -> u.getUnitId().equals(c.getUnitId())).map(EvaluationUnit::getUnitName).findFirst().orElse("");
        return new BallotSheet(c.getCode(), e.getYear(), c.getUnitId(), unitName, dimensionForms(e), c.isUsed(), !e.isPublished(),
                fixed(e, c.getUnitId()));
    }

    /**
     * A ballot with a one-time code: from the phone page (anyone holding the code) or entered by the
     * office from a paper sheet ({@code paper}, ADMIN). Works once; a second use is 409, a forged code 404.
     */
    @Transactional
    public void voteWithCode(String code, Map<String, Integer> scores, boolean paper) {
        if (paper) {
            CurrentUsers.requireAny(Role.ADMIN);
            if (code == null || code.isBlank()) {
                throw InvalidInput.field("code", "validation.required");
            }
        }
        BallotCode c = codes.findByCode(normalise(code)).orElseThrow(NotFound::new);
        UnitEvaluation e = find(c.getEvaluationId());
        Map<String, Integer> valid = scores(e, scores);
        if (e.isPublished()) {
            throw new Conflict("evaluation.conflict.published");
        }
        boolean first;
        try {
            first = !c.isUsed() && box.useCode(c.getCode());
        } catch (org.springframework.dao.ConcurrencyFailureException raced) {
            // the same code used at the same moment: the database kept the other use
            first = false;
        }
        if (!first) {
            throw new Conflict("evaluation.conflict.codeUsed");
        }
        box.drop(e.getId(), c.getUnitId(), valid);
        audit.record(AUDIT_TYPE, e.getId(), "BALLOT", details("unitId", c.getUnitId(), "channel", paper ? "PAPER" : "CODE"));
    }

    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Z0-9]{4,32}");

    /** The code as stored (upper case); anything that cannot be a code is unknown (404) before any query. */
    static String normalise(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE_SHAPE.matcher(c).matches()) {
            throw new NotFound();
        }
        return c;
    }

    // --- results ---

    static boolean seesUnpublished(CurrentUser user) {
        return user != null && user.hasAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
    }

    /** Results: ADMIN and leaders always; anyone once published (otherwise 404). */
    public Results results(Long evaluationId) {
        CurrentUser user = CurrentUsers.current().orElse(null);
        UnitEvaluation e = evaluations.findById(evaluationId == null ? -1L : evaluationId).orElseThrow(NotFound::new);
        if (!e.isPublished() && !seesUnpublished(user)) {
            throw new NotFound();
        }
        return computeResults(e);
    }

    Results computeResults(UnitEvaluation e) {
        List<DimensionForm> dims = dimensionForms(e);
        Map<Long, List<Map<String, Integer>>> ballots = box.ballots(e.getId());
        Map<Long, HandlingFigure> handling = new HashMap<>();
        List<UnitBallots> input = units.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(u -> {
                    Map<String, BigDecimal> fixed = Map.of();
                    if (e.isHandlingFromStats()) {
                        HandlingFigure f = handling(e, u);
                        handling.put(u.getUnitId(), f);
                        fixed = f.score() == null ? Map.of() : Map.of(HANDLING, f.score());
                    }
                    return new UnitBallots(u.getUnitId(), u.getUnitName(), ballots.getOrDefault(u.getUnitId(), List.of()), fixed);
                })
                .toList();
        List<Ranked> ranked = Scoring.rank(dims.stream().map(d -> new Dimension(d.code(), d.name(), d.weight())).toList(), input,
                e.isHandlingFromStats() ? Set.of(HANDLING) : Set.of());
        return new Results(e.getId(), e.getYear(), e.isPublished(), dims, ranked.stream()
                .map(r -> new RankedUnit(r.unitId(), r.unitName(), r.score(), r.dimensionScores(), r.ballots(), r.rank(),
                        r.topTen(), handling.containsKey(r.unitId()) ? Handling.of(handling.get(r.unitId())) : null)).toList(),
                e.isHandlingFromStats());
    }

    /** A unit's proposal figures: kept at publication, read live before. */
    private HandlingFigure handling(UnitEvaluation e, EvaluationUnit u) {
        return u.keptHandling().orElseGet(() -> handlingFigures.of(e.getYear(), u.getUnitId()));
    }

    /** The dimensions a unit's evaluators do not score, with their fixed scores (empty when the setting is off). */
    Map<String, Handling> fixed(UnitEvaluation e, Long unitId) {
        if (!e.isHandlingFromStats()) {
            return Map.of();
        }
        return units.findByEvaluationIdOrderByIdAsc(e.getId()).stream().filter(u -> u.getUnitId().equals(unitId)).findFirst()
                .map(u -> Map.of(HANDLING, Handling.of(handling(e, u)))).orElse(Map.of());
    }

    Map<String, Handling> fixed(Long evaluationId, Long unitId) {
        return fixed(find(evaluationId), unitId);
    }

    /**
     * The year's setting (ADMIN): fill the proposal-handling dimension from the units' proposal figures.
     * Changeable until the first ballot (the ballots would otherwise differ in what they score); 409 after,
     * when published, or for a stale version; 400 when the year has no proposal-handling dimension.
     */
    @Transactional
    public EvaluationView settings(Long evaluationId, Boolean fromStats, Long version) {
        CurrentUsers.requireAny(Role.ADMIN);
        UnitEvaluation e = find(evaluationId);
        if (fromStats == null) {
            throw InvalidInput.field("proposalHandlingFromStats", "validation.required");
        }
        if (fromStats && dimensionForms(e).stream().noneMatch(d -> HANDLING.equals(d.code()))) {
            throw InvalidInput.field("proposalHandlingFromStats", "evaluation.validation.noHandlingDimension", HANDLING);
        }
        if (version != null && version.longValue() != e.getVersion()) {
            throw new Conflict("evaluation.conflict.stale");
        }
        if (e.isPublished()) {
            throw new Conflict("evaluation.conflict.published");
        }
        if (fromStats != e.isHandlingFromStats()) {
            if (box.count(e.getId()) > 0) {
                throw new Conflict("evaluation.conflict.ballotsCast");
            }
            e.handlingFromStats(fromStats);
            try {
                evaluations.saveAndFlush(e);
            } catch (org.springframework.orm.ObjectOptimisticLockingFailureException raced) {
                throw new Conflict("evaluation.conflict.stale");
            }
            audit.record(AUDIT_TYPE, e.getId(), "SETTINGS", details("proposalHandlingFromStats", fromStats));
        }
        return view(e);
    }

    /** Published evaluations, the newest first (the public page). */
    public List<EvaluationSummary> published() {
        return evaluations.findByStatusOrderByYearDescIdDesc(UnitEvaluation.Status.PUBLISHED).stream().map(this::summary).toList();
    }

    /** Publishing (ADMIN): the results become public; 409 when already published or without any ballot. */
    @Transactional
    public UnitEvaluation publish(Long evaluationId) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        UnitEvaluation e = find(evaluationId);
        if (e.isPublished()) {
            throw new Conflict("evaluation.conflict.published");
        }
        if (box.count(e.getId()) == 0) {
            throw new Conflict("evaluation.conflict.noBallots");
        }
        if (e.isHandlingFromStats()) {
            // the figures of the day of publication stay with the results
            for (EvaluationUnit u : units.findByEvaluationIdOrderByIdAsc(e.getId())) {
                u.keepHandling(handlingFigures.of(e.getYear(), u.getUnitId()));
                units.save(u);
            }
        }
        e.publish(clock.instant(), user.username());
        evaluations.saveAndFlush(e);
        audit.record(AUDIT_TYPE, e.getId(), "PUBLISH", details("year", e.getYear()));
        return e;
    }

    // --- reads ---

    public List<EvaluationSummary> list() {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        return evaluations.findAllByOrderByYearDescIdDesc().stream().map(this::summary).toList();
    }

    public EvaluationView get(Long id) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        return view(find(id));
    }

    /** The evaluations whose groups the signed-in member belongs to, with the units to vote for. */
    public List<MyBallot> mine() {
        CurrentUser user = CurrentUsers.require();
        if (user.memberId() == null) {
            return List.of();
        }
        List<MyBallot> out = new ArrayList<>();
        for (UnitEvaluation e : evaluations.findByStatusOrderByYearDescIdDesc(UnitEvaluation.Status.VOTING)) {
            for (EvaluationGroup g : groups.findByEvaluationIdOrderByIdAsc(e.getId())) {
                if (inGroup(g, user.memberId())) {
                    String name = units.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                            .filter(u -> u.getUnitId().equals(g.getUnitId())).map(EvaluationUnit::getUnitName).findFirst().orElse("");
                    out.add(new MyBallot(e.getId(), e.getYear(), g.getUnitId(), name,
                            voters.existsByEvaluationIdAndUnitIdAndMemberId(e.getId(), g.getUnitId(), user.memberId())));
                }
            }
        }
        return out;
    }

    public record MyBallot(Long evaluationId, int year, Long unitId, String unitName, boolean voted) {
    }

    List<DimensionForm> dimensionForms(Long evaluationId) {
        return dimensionForms(find(evaluationId));
    }

    UnitEvaluation find(Long id) {
        return evaluations.findById(id == null ? -1L : id).orElseThrow(NotFound::new);
    }

    private List<DimensionForm> dimensionForms(UnitEvaluation e) {
        return dimensions.findByEvaluationIdOrderBySortOrderAsc(e.getId()).stream()
                .map(d -> new DimensionForm(d.getCode(), d.getName(), d.getWeight())).toList();
    }

    private EvaluationSummary summary(UnitEvaluation e) {
        return new EvaluationSummary(e.getId(), e.getYear(), e.getStatus().name(),
                units.findByEvaluationIdOrderByIdAsc(e.getId()).stream().map(EvaluationUnit::getUnitName).toList(),
                e.getPublishedAt());
    }

    EvaluationView view(UnitEvaluation e) {
        Map<Long, List<Map<String, Integer>>> ballots = box.ballots(e.getId());
        List<UnitEntry> entries = units.findByEvaluationIdOrderByIdAsc(e.getId()).stream()
                .map(u -> new UnitEntry(u.getUnitId(), u.getUnitName(), u.getUnitType(),
                        ballots.getOrDefault(u.getUnitId(), List.of()).size())).toList();
        long counted = ballots.values().stream().mapToLong(List::size).sum();
        return new EvaluationView(e.getId(), e.getYear(), e.getTermId(), e.getMeeting(), e.getDecisionDate(),
                e.getStatus().name(), dimensionForms(e), entries, groupViews(e, groups.findByEvaluationIdOrderByIdAsc(e.getId())),
                counted, e.getPublishedAt(), e.getBulletinId(), e.getVersion(), e.isHandlingFromStats());
    }

    private List<GroupView> groupViews(UnitEvaluation e, List<EvaluationGroup> gs) {
        if (gs.isEmpty()) {
            return List.of();
        }
        List<Long> ids = gs.stream().map(EvaluationGroup::getId).toList();
        List<GroupMember> gm = groupMembers.findByGroupIdInOrderByIdAsc(ids);
        Set<Long> memberIds = new HashSet<>();
        gs.forEach(g -> memberIds.add(g.getLeaderMemberId()));
        gm.forEach(m -> memberIds.add(m.getMemberId()));
        Map<Long, String> names = members.names(memberIds);
        List<Participant> ps = participants.findByGroupIdInOrderByIdAsc(ids);
        List<GroupActivity> acts = groupActivities.findByGroupIdInOrderByIdAsc(ids);
        Map<Long, String> unitNames = new HashMap<>();
        units.findByEvaluationIdOrderByIdAsc(e.getId()).forEach(u -> unitNames.put(u.getUnitId(), u.getUnitName()));
        List<GroupView> out = new ArrayList<>();
        for (EvaluationGroup g : gs) {
            out.add(new GroupView(g.getId(), g.getUnitId(), unitNames.get(g.getUnitId()),
                    new Person(g.getLeaderMemberId(), names.get(g.getLeaderMemberId())),
                    gm.stream().filter(m -> m.getGroupId().equals(g.getId()))
                            .map(m -> new Person(m.getMemberId(), names.get(m.getMemberId()))).toList(),
                    ps.stream().filter(p -> p.getGroupId().equals(g.getId()))
                            .map(p -> new External(p.getName(), p.getOrganisation())).toList(),
                    acts.stream().filter(a -> a.getGroupId().equals(g.getId())).map(GroupActivity::getActivityId).toList(),
                    (int) codes.countByEvaluationIdAndUnitId(e.getId(), g.getUnitId())));
        }
        return out;
    }

    // --- helpers ---

    static int year(Integer year) {
        if (year == null) {
            throw InvalidInput.field("year", "validation.required");
        }
        if (year < 2000 || year > 2100) {
            throw InvalidInput.field("year", "evaluation.validation.year");
        }
        return year;
    }

    /** The given term, or the newest one spanning the year; the year must lie within it. */
    private TermView term(Long termId, int year) {
        List<TermView> terms = reference.terms();
        TermView term;
        if (termId != null) {
            term = terms.stream().filter(t -> t.id().equals(termId)).findFirst()
                    .orElseThrow(() -> InvalidInput.field("termId", "evaluation.validation.unknownTerm"));
        } else {
            term = terms.stream().filter(t -> covers(t, year)).findFirst()
                    .orElseThrow(() -> InvalidInput.field("year", "evaluation.validation.noTerm", year));
        }
        if (!covers(term, year)) {
            throw InvalidInput.field("year", "evaluation.validation.outsideTerm", year, term.name());
        }
        return term;
    }

    private static boolean covers(TermView t, int year) {
        return t.startDate() != null && t.endDate() != null && t.startDate().getYear() <= year && year <= t.endDate().getYear();
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1] instanceof Collection<?> c ? List.copyOf(c) : pairs[i + 1]);
        }
        return m;
    }
}
