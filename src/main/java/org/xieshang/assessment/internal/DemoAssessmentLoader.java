package org.xieshang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xieshang.assessment.DemoAssessment;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;

/** The demo committee's assessment (see {@link DemoAssessment}), through the same use cases as the office. */
@Component
class DemoAssessmentLoader implements DemoAssessment {

    private final Backfill backfill;
    private final RulesService rules;
    private final DutyRecordService record;
    private final RunService runs;
    private final ConsequenceService consequences;
    private final MemberDirectory members;
    private final Clock clock;

    DemoAssessmentLoader(Backfill backfill, RulesService rules, DutyRecordService record, RunService runs,
                         ConsequenceService consequences, MemberDirectory members, Clock clock) {
        this.backfill = backfill;
        this.rules = rules;
        this.record = record;
        this.runs = runs;
        this.consequences = consequences;
        this.members = members;
        this.clock = clock;
    }

    @Override
    public void load(List<Long> memberIds, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today.isBefore(to) ? today : to;
        backfill.between(from.minusYears(1), to);
        rules.put(year, PointsRules.defaults(year), null);
        Long warned = memberIds.get(memberIds.size() - 1);
        Long resigning = memberIds.get(memberIds.size() - 2);
        record.manual(memberIds.get(memberIds.size() - 3), new DutyRecordService.ManualForm(null, day,
                "参加防汛抗旱志愿服务", 5), null);
        Long run = runs.start(from, to);
        runs.compute(run);
        consequences.act(warned, MemberAction.Type.WARNING, "本年度无故缺席常委会议两次，经主席会议研究给予警告", day);
        consequences.act(warned, MemberAction.Type.ADMONISHMENT_TALK, "秘书长约谈，提醒按时参加活动", day);
        String name = members.find(resigning).orElseThrow().name();
        CurrentUser member = new CurrentUser(0L, "demo", name, CommitteeContext.current(), EnumSet.of(Role.MEMBER),
                resigning, null);
        SystemActor.runAs(member, () -> consequences.request(resigning, "工作调动至外地，无法继续履行委员职责"));
        consequences.approve(resigning, "第十届常委会第十二次会议", day, null);
    }
}
