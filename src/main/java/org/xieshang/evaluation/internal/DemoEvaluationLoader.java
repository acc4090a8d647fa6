package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.UnitType;
import org.xieshang.evaluation.DemoEvaluation;
import org.xieshang.evaluation.internal.EvaluationService.EvaluationForm;
import org.xieshang.evaluation.internal.EvaluationService.External;
import org.xieshang.evaluation.internal.EvaluationService.GroupForm;
import org.xieshang.evaluation.internal.EvaluationService.IssuedCode;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.SystemActor;

/**
 * The demo committee's evaluations, acted out through the use cases: 2025's three units chosen by
 * the planner, voted by members and service recipients and published; 2026's chosen and in voting,
 * with unused ballot codes to print; township assessments for 2025 (weight 1.5) and 2026 (weight 2).
 */
@Component
class DemoEvaluationLoader implements DemoEvaluation {

    private final EvaluationService service;
    private final EvaluationBulletins publishing;
    private final TownshipService townships;
    private final ReferenceData reference;

    DemoEvaluationLoader(EvaluationService service, EvaluationBulletins publishing, TownshipService townships,
                         ReferenceData reference) {
        this.service = service;
        this.publishing = publishing;
        this.townships = townships;
        this.reference = reference;
    }

    @Override
    public void load(Cast cast) {
        CurrentUser admin = cast.admin();
        Long last = year(cast, 2025, LocalDate.of(2025, 2, 20), "第十届常委会第十四次会议", 0);
        SystemActor.runAs(admin, () -> publishing.publish(last));
        year(cast, 2026, LocalDate.of(2026, 2, 26), "第十届常委会第十八次会议", 1);
        List<Long> towns = reference.units().stream().filter(u -> u.type() == UnitType.TOWNSHIP).map(u -> u.id()).toList();
        township(admin, 2025, new BigDecimal("1.5"), towns, 3);
        township(admin, 2026, new BigDecimal("2"), towns, 7);
    }

    private Long year(Cast cast, int year, LocalDate decided, String meeting, int salt) {
        CurrentUser admin = cast.admin();
        Long[] id = new Long[1];
        SystemActor.runAs(admin, () -> {
            List<Long> units = service.candidates(year, 3, null).items().stream().map(c -> c.unitId()).toList();
            id[0] = service.create(new EvaluationForm(year, null, units, meeting, decided, null)).id();
        });
        List<Long> unitIds = new ArrayList<>();
        SystemActor.runAs(admin, () -> service.get(id[0]).units().forEach(u -> unitIds.add(u.unitId())));
        Map<Long, List<CurrentUser>> voters = new HashMap<>();
        for (int i = 0; i < unitIds.size(); i++) {
            Long unit = unitIds.get(i);
            List<CurrentUser> group = new ArrayList<>();
            for (int v = i; v < cast.memberVoters().size(); v += unitIds.size()) {
                group.add(cast.memberVoters().get(v));
            }
            voters.put(unit, group);
            Long leader = cast.viceChairs().get(i % cast.viceChairs().size());
            SystemActor.runAs(admin, () -> service.addGroup(id[0], new GroupForm(unit, leader,
                    group.stream().map(CurrentUser::memberId).toList(),
                    List.of(new External("王建国", "社区居民代表"), new External("李秀英", "企业代表"),
                            new External("陈志强", "办事群众")))));
        }
        for (int i = 0; i < unitIds.size(); i++) {
            Long unit = unitIds.get(i);
            int base = 92 - 4 * ((i + salt) % unitIds.size());
            int n = 0;
            for (CurrentUser voter : voters.get(unit)) {
                if (salt == 1 && n >= 1) {
                    break; // this year's voting has only begun
                }
                int b = base - n++;
                SystemActor.runAs(voter, () -> service.vote(id[0], unit, scores(b)));
            }
            List<IssuedCode> codes = new ArrayList<>();
            SystemActor.runAs(admin, () -> codes.addAll(service.issueCodes(id[0], unit, 5)));
            int used = salt == 0 ? 3 : 0;
            for (int c = 0; c < used; c++) {
                int b = base - 2 - c;
                String code = codes.get(c).code();
                // the last sheet was handed in on paper and entered by the office; the others scanned on a phone
                boolean paper = c == used - 1;
                SystemActor.runAs(admin, () -> service.voteWithCode(code, scores(b), paper));
            }
        }
        return id[0];
    }

    private static Map<String, Integer> scores(int base) {
        Map<String, Integer> m = new HashMap<>();
        m.put("DUTY_PERFORMANCE", Math.min(100, base + 1));
        m.put("SERVING_CENTRE", Math.min(100, base));
        m.put("LAW_BASED_ADMINISTRATION", Math.min(100, base - 1));
        m.put("WORK_STYLE", Math.min(100, base + 2));
        m.put("INTEGRITY", Math.min(100, base + 3));
        m.put("PROPOSAL_HANDLING", Math.min(100, base - 3));
        return m;
    }

    private void township(CurrentUser admin, int year, BigDecimal weight, List<Long> towns, int salt) {
        SystemActor.runAs(admin, () -> {
            Long id = townships.create(new TownshipService.AssessmentForm(year, weight, null)).id();
            for (int i = 0; i < towns.size(); i++) {
                int k = (i * 5 + salt) % 9;
                Map<String, BigDecimal> points = new HashMap<>();
                points.put("LEADERSHIP", BigDecimal.valueOf(25 - k % 3));
                points.put("WORK_PLAN", BigDecimal.valueOf(25 - k % 4));
                points.put("FUNDING", new BigDecimal(20 + k % 5 + ".5").min(new BigDecimal("25")));
                points.put("MEMBER_STUDY", BigDecimal.valueOf(18 + k % 7));
                townships.score(id, towns.get(i), points);
            }
        });
    }
}
