package org.xieshang.activity.internal;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;
import org.xieshang.activity.ActivityType;
import org.xieshang.activity.DemoActivities;
import org.xieshang.activity.internal.ActivityService.ActivityForm;
import org.xieshang.activity.internal.ActivityService.ActivityView;
import org.xieshang.activity.internal.ActivityService.LeaveView;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;

/** The demo committee's year of activities (see {@link DemoActivities}). */
@Service
class DemoActivityLoader implements DemoActivities {

    private record Plan(int monthsAgo, int day, ActivityType type, String title, String location, String organiser,
                        boolean all, boolean standing, int invited, String speech) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(11, 8, ActivityType.PLENARY, "政协第十届委员会第五次会议", "区会议中心大礼堂", "区政协办公室", true, false, 0,
                    "关于推进城乡教育均衡发展的建议"),
            new Plan(10, 20, ActivityType.STANDING_COMMITTEE_MEETING, "十届区政协常委会第十八次会议", "区政协三楼会议室", "区政协办公室",
                    false, true, 0, "关于优化营商环境的意见"),
            new Plan(9, 12, ActivityType.INSPECTION, "视察老旧小区加装电梯工作", "城南街道", "城建环保委员会", false, false, 12, null),
            new Plan(8, 15, ActivityType.RESEARCH, "农村生活污水治理专题调研", "青山镇、河西乡", "农业农村委员会", false, false, 10,
                    "污水处理设施运维资金保障问题"),
            new Plan(7, 9, ActivityType.CONSULTATION, "“养老服务体系建设”专题协商会", "区政协二楼会议室", "社会法制委员会", false, false, 14,
                    "关于社区嵌入式养老的建议"),
            new Plan(7, 24, ActivityType.STUDY, "委员履职能力提升专题学习", "区委党校", "区政协办公室", false, false, 20, null),
            new Plan(6, 18, ActivityType.STANDING_COMMITTEE_MEETING, "十届区政协常委会第十九次会议", "区政协三楼会议室", "区政协办公室",
                    false, true, 0, "关于数字乡村建设的建议"),
            new Plan(5, 11, ActivityType.STUDIO, "委员工作室：医疗界别接待群众", "城南社区委员工作室", "医药卫生界", false, false, 8, null),
            new Plan(4, 16, ActivityType.CONSULTATION, "提案办理协商：校园周边交通安全", "区教育局会议室", "提案委员会", false, false, 10,
                    "关于增设学校周边护学岗的建议"),
            new Plan(3, 21, ActivityType.INSPECTION, "视察重点民生项目建设", "区人民医院新院区", "城建环保委员会", false, false, 12, null),
            new Plan(2, 14, ActivityType.RESEARCH, "中小企业融资难问题调研", "华兴科技有限公司等", "经济委员会", false, false, 9,
                    "关于设立中小企业应急转贷资金的建议"),
            new Plan(2, 26, ActivityType.STANDING_COMMITTEE_MEETING, "十届区政协常委会第二十次会议", "区政协三楼会议室", "区政协办公室",
                    false, true, 0, null),
            new Plan(1, 10, ActivityType.OTHER, "委员读书活动：《习近平谈治国理政》", "区图书馆", "文化文史委员会", false, false, 15, null),
            new Plan(1, 22, ActivityType.STUDY, "政协委员培训班", "区委党校", "区政协办公室", false, false, 18, null));

    private final ActivityService service;
    private final ActivityOutcomes outcomes;
    private final EntityManager em;

    DemoActivityLoader(ActivityService service, ActivityOutcomes outcomes, EntityManager em) {
        this.service = service;
        this.outcomes = outcomes;
        this.em = em;
    }

    @Override
    public void load(List<Long> memberIds, Long demoMemberId) {
        Random random = new Random(11);
        LocalDate today = LocalDate.now(service.zone());
        for (int p = 0; p < PLANS.size(); p++) {
            Plan plan = PLANS.get(p);
            LocalDate day = today.minusMonths(plan.monthsAgo()).withDayOfMonth(Math.min(plan.day(), 28));
            Instant start = day.atTime(LocalTime.of(9, 0)).atZone(service.zone()).toInstant();
            Instant end = start.plusSeconds(plan.type() == ActivityType.PLENARY ? 6 * 3600 : 3 * 3600);
            List<Long> invited = new ArrayList<>();
            if (plan.invited() > 0) {
                int from = (p * 13) % Math.max(1, memberIds.size() - plan.invited());
                invited.addAll(memberIds.subList(from, from + plan.invited()));
                if (p % 3 == 0 && !invited.contains(demoMemberId)) {
                    invited.add(demoMemberId);
                }
            }
            ActivityView a = ActivityService.actingAtResult(start.minusSeconds(14 * 86400), () -> service.create(new ActivityForm(
                    plan.type(), plan.title(), start, end, plan.location(), plan.organiser(), null, null, invited,
                    plan.all(), plan.standing(), List.of(), List.of())));
            List<Long> people = a.invitedMemberIds();
            // leaves: asked a few days before, mostly approved; one refused; one approved only after the close
            List<LeaveView> late = new ArrayList<>();
            java.util.Set<Long> excused = new java.util.HashSet<>();
            int leaves = Math.max(1, people.size() / 12);
            for (int i = 0; i < leaves; i++) {
                Long who = people.get((i * 7 + p) % people.size());
                String reason = i2reason(i);
                LeaveView l = asMember(who, start.minusSeconds(3 * 86400),
                        () -> service.requestLeave(a.id(), null, reason));
                if (i == leaves - 1 && p % 4 == 1) {
                    late.add(l);
                    excused.add(who);
                } else {
                    boolean approve = i != 1;
                    if (approve) {
                        excused.add(who);
                    }
                    ActivityService.actingAt(start.minusSeconds(2 * 86400),
                            () -> service.decide(a.id(), l.id(), approve, approve ? null : "会议议题重要，请尽量安排出席"));
                }
            }
            // check-ins at the venue: most come; a few are absent
            for (Long who : people) {
                // (a refusal inside the loader's one transaction would roll it all back: only the expected check in)
                if (!excused.contains(who) && random.nextInt(100) < 88) {
                    Instant at = start.minusSeconds(60L * (5 + random.nextInt(50)));
                    asMember(who, at, () -> service.checkIn(a.id(), null, null, false));
                }
            }
            if (plan.speech() != null) {
                Long speaker = people.get(p % people.size());
                ActivityService.actingAt(end, () -> service.recordSpeech(a.id(), speaker, plan.speech()));
            }
            ActivityService.actingAt(end.plusSeconds(60), () -> service.close(a.id()));
            if (plan.type() == ActivityType.PLENARY) {
                ActivityService.actingAt(end.plusSeconds(86400), () -> outcomes.addText(a.id(), Outcome.Kind.MINUTES,
                        "会议纪要.txt", plan.title() + "会议纪要\n会议听取并审议了常委会工作报告和提案工作情况报告。"));
            }
            for (LeaveView l : late) {
                ActivityService.actingAt(end.plusSeconds(86400), () -> service.decide(a.id(), l.id(), true, null));
            }
            // the next activity starts from an empty persistence context (still one transaction): the
            // queries of its check-ins then auto-flush only its own entities, not every activity's so far
            em.flush();
            em.clear();
        }
        // upcoming: a research trip next week for the demo member (with a pending leave of another member)
        LocalDate next = today.plusDays(7);
        Instant start = next.atTime(14, 30).atZone(service.zone()).toInstant();
        List<Long> invited = new ArrayList<>(memberIds.subList(60, 70));
        invited.add(demoMemberId);
        ActivityView upcoming = service.create(new ActivityForm(ActivityType.RESEARCH, "基层社会治理专题调研", start,
                start.plusSeconds(3 * 3600), "东湖街道", "社会法制委员会", "调研网格化管理与矛盾纠纷化解。", "1. 实地察看 2. 座谈交流",
                invited, false, false, List.of(), List.of()));
        asMember(memberIds.get(60), null, () -> service.requestLeave(upcoming.id(), null, "单位有紧急任务"));
        service.create(new ActivityForm(ActivityType.STANDING_COMMITTEE_MEETING, "十届区政协常委会第二十一次会议",
                today.plusDays(20).atTime(9, 0).atZone(service.zone()).toInstant(),
                today.plusDays(20).atTime(12, 0).atZone(service.zone()).toInstant(), "区政协三楼会议室", "区政协办公室", null, null,
                List.of(), false, true, List.of(), List.of()));
    }

    private static String i2reason(int i) {
        return switch (i % 3) {
            case 0 -> "外地出差";
            case 1 -> "单位有重要接待任务";
            default -> "身体不适";
        };
    }

    private <T> T asMember(Long memberId, Instant at, java.util.function.Supplier<T> work) {
        CurrentUser member = new CurrentUser(0L, "demo", "委员", CurrentUsers.require().committeeId(), EnumSet.of(Role.MEMBER),
                memberId, null);
        List<T> out = new ArrayList<>();
        SystemActor.runAs(member, () -> {
            if (at == null) {
                out.add(work.get());
            } else {
                ActivityService.actingAt(at, () -> out.add(work.get()));
            }
        });
        return out.get(0);
    }
}
