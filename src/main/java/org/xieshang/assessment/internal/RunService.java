package org.xieshang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.assessment.Grade;
import org.xieshang.assessment.internal.PointsCalculator.Line;
import org.xieshang.assessment.internal.PointsCalculator.Result;
import org.xieshang.audit.AuditTrail;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;
import tools.jackson.core.type.TypeReference;

/**
 * Assessment runs: all serving members of the committee over a period, by the rules of the
 * period's year. The run keeps its rules (snapshot) and, per member, the breakdown with the
 * entries behind every item, so opening it later shows the same numbers; the next run reads the
 * duty record as it is then. Computing runs in chunks, each its own transaction, updating the
 * progress the page shows.
 */
@Service
public class RunService {

    static final int CHUNK = 2000;
    static final int MAX_DAYS = 366;
    /** Absences (without leave) in a period from which a member appears on the chair's meeting list. */
    static final int REPEATED_ABSENCES = 2;
    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    public record EntryRef(Long id, LocalDate date, String description) {
    }

    public record ItemView(org.xieshang.assessment.DutyKind kind, org.xieshang.activity.ActivityType activityType,
                           org.xieshang.socialreport.AdoptionLevel level, int count, int pointsEach, int uncapped,
                           int points, Integer cap, boolean capped, List<EntryRef> entries) {
    }

    public record ResultView(Long memberId, String memberName, int points, Grade grade, int absences,
                             List<ItemView> items) {
    }

    public record RunView(Long id, LocalDate from, LocalDate to, String status, int membersTotal, int membersDone,
                          java.time.Instant startedAt, String startedBy, java.time.Instant finishedAt, int passMark,
                          PointsRules rules, List<ResultView> results) {
    }

    public record RunSummary(Long id, LocalDate from, LocalDate to, String status, int membersTotal, int membersDone,
                             java.time.Instant startedAt, java.time.Instant finishedAt) {
    }

    public record ConsequenceView(Long memberId, String memberName, int points, Grade grade, int absences,
                                  List<String> reasons) {
    }

    private final RunRepository runs;
    private final ResultRepository results;
    private final DutyEntryRepository entries;
    private final RulesService rules;
    private final MemberDirectory members;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunService(RunRepository runs, ResultRepository results, DutyEntryRepository entries, RulesService rules,
               MemberDirectory members, AuditTrail audit, TransactionTemplate tx, JdbcTemplate jdbc, Clock clock) {
        this.runs = runs;
        this.results = results;
        this.entries = entries;
        this.rules = rules;
        this.members = members;
        this.audit = audit;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a run (the office) with the rules of the period's year; computing is separate ({@link #compute}). */
    public Long start(LocalDate from, LocalDate to) {
        CurrentUser user = CurrentUsers.require();
        if (!AssessmentAccess.office(user)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        if (from == null) {
            invalid.add("from", "validation.required");
        }
        if (to == null) {
            invalid.add("to", "validation.required");
        }
        invalid.throwIfAny();
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidInput.field("to", "assessment.validation.runPeriod", MAX_DAYS);
        }
        RulesService.checkedYear(from.getYear(), from.getYear());
        return tx.execute(s -> {
            PointsRules r = rules.rulesOf(from.getYear());
            int serving = (int) members.all().stream().filter(m -> m.status().isServing()).count();
            AssessmentRun run = runs.saveAndFlush(new AssessmentRun(from, to, RulesService.JSON.writeValueAsString(r),
                    serving, clock.instant(), CurrentUsers.actorName()));
            audit.record("AssessmentRun", run.getId(), "START", Map.of("from", from.toString(), "to", to.toString()));
            return run.getId();
        });
    }

    /** Computes a started run: every serving member, chunk by chunk; a done run is left as it is. */
    public void compute(Long runId) {
        AssessmentRun run = tx.execute(s -> runs.findById(runId).orElseThrow(NotFound::new));
        if (run.getStatus() != AssessmentRun.Status.RUNNING) {
            return;
        }
        try {
            PointsRules r = RulesService.parse(run.getRulesJson());
            List<MemberSummary> serving = members.all().stream().filter(m -> m.status().isServing())
                    .sorted(java.util.Comparator.comparing(MemberSummary::id)).toList();
            Map<Long, List<EntryRow>> byMember = new HashMap<>();
            tx.executeWithoutResult(s -> entries.rowsBetween(run.getFromDate(), run.getToDate())
                    .forEach(e -> byMember.computeIfAbsent(e.memberId(), k -> new ArrayList<>()).add(e)));
            jdbc.update("delete from assessment_result where run_id = ? and committee_id = ?", runId, CommitteeContext.current());
            for (int i = 0; i < serving.size(); i += CHUNK) {
                List<MemberSummary> chunk = serving.subList(i, Math.min(serving.size(), i + CHUNK));
                int done = Math.min(serving.size(), i + CHUNK);
                tx.executeWithoutResult(s -> {
                    List<Object[]> rows = new ArrayList<>(chunk.size());
                    for (MemberSummary m : chunk) {
                        List<EntryRow> es = byMember.getOrDefault(m.id(), List.of());
                        Result res = PointsCalculator.assess(r, es.stream().map(EntryRow::fact).toList());
                        rows.add(new Object[]{CommitteeContext.current(), runId, m.id(), m.name(), res.total(),
                                res.grade().name(), res.absences(), RulesService.JSON.writeValueAsString(items(res, es))});
                    }
                    jdbc.batchUpdate("insert into assessment_result (committee_id, run_id, member_id, member_name, points, grade, "
                            + "absences, breakdown_json, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", rows);
                    AssessmentRun current = runs.findById(runId).orElseThrow();
                    current.progress(done);
                    runs.saveAndFlush(current);
                });
            }
            tx.executeWithoutResult(s -> {
                AssessmentRun current = runs.findById(runId).orElseThrow();
                current.done(clock.instant());
                runs.saveAndFlush(current);
                audit.record("AssessmentRun", runId, "DONE", Map.of("members", serving.size()));
            });
        } catch (RuntimeException e) {
            log.warn("assessment run {} failed", runId, e);
            tx.executeWithoutResult(s -> {
                AssessmentRun current = runs.findById(runId).orElseThrow();
                current.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                runs.saveAndFlush(current);
            });
            throw e;
        }
    }

    static List<ItemView> items(Result res, List<EntryRow> es) {
        Map<Long, EntryRow> byId = new HashMap<>();
        es.forEach(e -> byId.put(e.id(), e));
        List<ItemView> items = new ArrayList<>();
        for (Line l : res.lines()) {
            List<EntryRef> refs = l.entryIds().stream().map(byId::get)
                    .map(e -> new EntryRef(e.id(), e.date(), e.description())).toList();
            items.add(new ItemView(l.kind(), l.activityType(), l.level(), l.count(), l.pointsEach(), l.uncapped(),
                    l.points(), l.cap(), l.capped(), refs));
        }
        return items;
    }

    public List<RunSummary> list() {
        requireReader();
        return tx.execute(s -> runs.findAllByOrderByStartedAtDescIdDesc().stream().map(RunService::summary).toList());
    }

    static RunSummary summary(AssessmentRun r) {
        return new RunSummary(r.getId(), r.getFromDate(), r.getToDate(), r.getStatus().name(), r.getMembersTotal(),
                r.getMembersDone(), r.getStartedAt(), r.getFinishedAt());
    }

    /** A run as it was computed (ADMIN, leaders, the proposal office). */
    public RunView get(Long id) {
        requireReader();
        return tx.execute(s -> {
            AssessmentRun r = runs.findById(id).orElseThrow(NotFound::new);
            List<ResultView> rs = r.getStatus() == AssessmentRun.Status.DONE
                    ? results.findByRunIdOrderByPointsDescMemberIdAsc(id).stream().map(RunService::result).toList()
                    : List.of();
            PointsRules pr = RulesService.parse(r.getRulesJson());
            return new RunView(r.getId(), r.getFromDate(), r.getToDate(), r.getStatus().name(), r.getMembersTotal(),
                    r.getMembersDone(), r.getStartedAt(), r.getStartedBy(), r.getFinishedAt(), pr.passMark(), pr, rs);
        });
    }

    public RunSummary progress(Long id) {
        requireReader();
        return tx.execute(s -> summary(runs.findById(id).orElseThrow(NotFound::new)));
    }

    static ResultView result(AssessmentResult a) {
        List<ItemView> items = RulesService.JSON.readValue(a.getBreakdownJson(), new TypeReference<List<ItemView>>() {
        });
        return new ResultView(a.getMemberId(), a.getMemberName(), a.getPoints(), a.getGrade(), a.getAbsences(), items);
    }

    /** Members for the chair's meeting: graded UNQUALIFIED or absent without leave repeatedly in the run. */
    public List<ConsequenceView> consequences(Long id) {
        RunView run = get(id);
        List<ConsequenceView> list = new ArrayList<>();
        for (ResultView r : run.results()) {
            List<String> reasons = new ArrayList<>();
            if (r.grade() == Grade.UNQUALIFIED) {
                reasons.add("UNQUALIFIED");
            }
            if (r.absences() >= REPEATED_ABSENCES) {
                reasons.add("REPEATED_ABSENCE");
            }
            if (!reasons.isEmpty()) {
                list.add(new ConsequenceView(r.memberId(), r.memberName(), r.points(), r.grade(), r.absences(), reasons));
            }
        }
        return list;
    }

    /** The latest completed run's result of a member, if any (for the member's own page). */
    java.util.Optional<ResultView> latestOf(Long memberId) {
        return tx.execute(s -> runs.findAllByOrderByStartedAtDescIdDesc().stream()
                .filter(r -> r.getStatus() == AssessmentRun.Status.DONE).findFirst()
                .flatMap(r -> results.findByRunIdAndMemberId(r.getId(), memberId)).map(RunService::result));
    }

    private static void requireReader() {
        if (!AssessmentAccess.seesAll(CurrentUsers.require())) {
            throw new Forbidden();
        }
    }
}
