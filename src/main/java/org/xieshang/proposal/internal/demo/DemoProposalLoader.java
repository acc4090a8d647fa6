package org.xieshang.proposal.internal.demo;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.DemoProposals;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.ConversionKind;
import org.xieshang.proposal.internal.HandlingMode;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.ProposalText;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.handling.ProposalHandling;
import org.xieshang.proposal.internal.review.ProposalReview;
import org.xieshang.proposal.internal.submission.ProposalSubmission;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.time.AppTime;

/**
 * Acts out the demo committee's proposals step by step as its people, so that every role finds
 * work on its pages: the office cases to review, assign and check; the education bureau's handler
 * cases to accept and handle; the demo member a reply to rate; the leaders a key proposal and an
 * unread bulletin.
 */
@Component
class DemoProposalLoader implements DemoProposals {

    /**
     * One demo case: its text, lead unit (by name, null when it never gets that far), where it ends,
     * when it was submitted (days before the first start) and how many days after its assignment
     * the unit replied (more than the committee's handling period: a late reply). A first result
     * of UNSATISFIED sends the case back for rehandling (REHANDLING); {@code result} is then the
     * rating of the second reply, if the script gets that far.
     */
    private record Script(String title, String category, String background, String suggestions, String unit,
                          ProposalStatus until, String replyClass, Rating result, boolean byDemoMember,
                          int submittedDaysAgo, int replyDays, Rating firstResult) {

        Script(String title, String category, String background, String suggestions, String unit, ProposalStatus until,
               String replyClass, Rating result, boolean byDemoMember, int submittedDaysAgo, int replyDays) {
            this(title, category, background, suggestions, unit, until, replyClass, result, byDemoMember, submittedDaysAgo,
                    replyDays, null);
        }
    }

    private static final List<Script> SCRIPTS = List.of(
            new Script("关于推进义务教育学校课后服务提质扩面的建议", "教育科技",
                    "我区课后服务已覆盖全部公办小学，但内容以作业辅导为主，艺术、体育、科技类课程不足，部分学校师资紧张。",
                    "一是引入少年宫、科技馆等校外资源进校园；二是建立课后服务教师补助和减负机制；三是开展家长满意度评价。",
                    "区教育局", ProposalStatus.CLOSED, "A", Rating.SATISFIED, true, 328, 70),
            new Script("关于加快老旧小区加装电梯的建议", "城乡建设",
                    "我区2000年前建成的老旧小区有一百二十余个，老年居民比例高，上下楼难问题突出，加装电梯推进缓慢。",
                    "一是简化加装电梯审批流程；二是设立区级补助资金并明确分摊指导办法；三是街道社区牵头做好居民协商。",
                    "区住房和城乡建设局", ProposalStatus.IN_PROGRESS, null, null, false, 200, 0),
            new Script("关于完善社区居家养老服务网络的建议", "社会保障",
                    "我区六十岁以上老年人口占比已超过百分之二十，社区养老服务站点分布不均，助餐、助浴服务覆盖不足。",
                    "一是按十五分钟生活圈布局社区养老服务站；二是推行老年助餐补贴；三是引入专业机构连锁运营。",
                    "区民政局", ProposalStatus.REPLIED, "B", null, true, 110, 80),
            new Script("关于加强校园周边交通安全治理的建议", "教育科技",
                    "上下学高峰时段，部分学校周边车辆乱停、人车混行，存在安全隐患。",
                    "一是设置学生接送临时停车区；二是高峰时段增派警力和志愿者；三是完善校园周边交通标志标线。",
                    "区教育局", ProposalStatus.ASSIGNED, null, null, false, 14, 0),
            new Script("关于推动农村生活污水治理的建议", "生态环境",
                    "部分村庄生活污水仍直排沟渠，已建设施运维经费不足，存在建而不用的情况。",
                    "一是因村制宜选择治理模式；二是建立设施长效运维机制和经费保障；三是纳入乡镇生态考核。",
                    "区生态环境分局", ProposalStatus.CLOSED, "A", Rating.SATISFIED, false, 300, 60),
            new Script("关于发展特色农产品电商的建议", "农业农村",
                    "我区茶叶、果蔬等特色农产品品质好，但品牌弱、销售渠道单一，农户增收受限。",
                    "一是打造区域公用品牌；二是建设农村电商服务站和冷链物流；三是开展农民电商技能培训。",
                    "区商务局", ProposalStatus.CLOSED, "B", Rating.BASICALLY_SATISFIED, false, 270, 88),
            new Script("关于提升基层医疗机构服务能力的建议", "医疗卫生",
                    "乡镇卫生院和社区卫生服务中心全科医生不足，检查设备陈旧，群众就近看病意愿不高。",
                    "一是推进紧密型医共体建设；二是上级医院专家定期下沉坐诊；三是更新基层检查检验设备。",
                    "区卫生健康委员会", ProposalStatus.REPLY_REVIEW, "A", null, false, 90, 75),
            new Script("关于优化营商环境助力民营经济发展的建议", "经济发展",
                    "民营企业反映部分审批事项环节多、时限长，惠企政策兑现不够及时。",
                    "一是推行涉企事项一件事一次办；二是建立惠企政策免申即享机制；三是畅通政企常态化沟通渠道。",
                    null, ProposalStatus.FILED, null, null, false, 25, 0),
            new Script("关于加强非物质文化遗产保护传承的建议", "文化旅游",
                    "我区部分非遗项目传承人年龄偏大，后继乏人，展示传习场所不足。",
                    "一是建设非遗传习中心；二是推动非遗进校园、进景区；三是加大对传承人的扶持力度。",
                    null, ProposalStatus.SUBMITTED, null, null, false, 6, 0),
            new Script("关于规范电动自行车停放充电管理的建议", "政法社会治理",
                    "居民小区电动自行车楼道停放、飞线充电现象较多，火灾隐患突出。",
                    "一是在小区集中建设充电车棚；二是开展常态化消防检查；三是加强宣传引导。",
                    null, ProposalStatus.SUBMITTED, null, null, false, 3, 0),
            new Script("关于为本人子女调整就读学校的建议", "教育科技",
                    "本人子女所在学校离家较远，接送不便。",
                    "建议将本人子女调整到离家较近的学校就读。",
                    null, ProposalStatus.NOT_FILED, null, null, false, 240, 0),
            new Script("关于建设城市绿道慢行系统的建议", "城乡建设",
                    "城区慢行道路不连续，骑行和步行环境有待改善。",
                    "一是编制绿道慢行系统规划；二是结合河道整治建设滨水绿道；三是完善沿线休憩设施。",
                    null, ProposalStatus.DRAFT, null, null, true, 20, 0),
            new Script("关于加强中小学生心理健康教育的建议", "教育科技",
                    "中小学生心理问题呈低龄化趋势，学校专职心理教师配备不足。",
                    "一是按标准配齐专职心理健康教师；二是建立学生心理健康筛查和转介机制；三是加强家校协同。",
                    "区教育局", ProposalStatus.IN_PROGRESS, null, null, false, 180, 0),
            new Script("关于推进智慧停车建设的建议", "城乡建设",
                    "中心城区停车位供需矛盾突出，停车信息不透明，车辆绕行找位加剧拥堵。",
                    "一是建设全区统一的智慧停车平台；二是推动机关企事业单位停车场错时共享；三是新建一批立体停车库。",
                    "区城市管理局", ProposalStatus.CLOSED, "C", Rating.BASICALLY_SATISFIED, false, 290, 110),
            // waits for the education bureau head's signature (issue 15 point 1)
            new Script("关于扩大中小学校体育场地开放的建议", "教育科技",
                    "城区群众健身场地紧张，而中小学校体育场地在节假日和课后大多闲置。",
                    "一是分批推动学校体育场地错时向社区开放；二是购买公共责任保险；三是由街道负责开放时段的管理。",
                    "区教育局", ProposalStatus.REPLY_REVIEW, "B", null, false, 75, 60),
            // rated unsatisfied, rehandled, replied again and rated a second time (issue 17 point 13)
            new Script("关于整治城区夜间施工噪声扰民的建议", "生态环境",
                    "部分建筑工地夜间违规施工，渣土车夜间运输噪声大，周边居民投诉较多，处理结果反馈不及时。",
                    "一是严格夜间施工审批并向周边居民公示；二是在重点工地安装噪声在线监测设备；三是建立投诉快速处置和回访机制。",
                    "区生态环境分局", ProposalStatus.CLOSED, "A", Rating.BASICALLY_SATISFIED, false, 240, 50,
                    Rating.UNSATISFIED),
            // rated unsatisfied and being rehandled now
            new Script("关于加强农贸市场食品安全监管的建议", "医疗卫生",
                    "部分农贸市场快检室设备闲置，检测结果公示不及时，散装熟食和活禽交易区卫生状况较差。",
                    "一是落实农贸市场快检室运行经费和人员；二是检测结果每日上墙和上网公示；三是开展市场环境卫生专项整治。",
                    "区市场监督管理局", ProposalStatus.REHANDLING, "B", null, false, 130, 80, Rating.UNSATISFIED));

    private static final String NOT_FILED_GROUND = "属于个人诉求或家庭私事";

    private final ProposalSubmission submission;
    private final ProposalReview review;
    private final ProposalHandling handling;
    private final CaseSupport cases;
    private final Clock clock;
    private final EntityManager em;

    DemoProposalLoader(ProposalSubmission submission, ProposalReview review, ProposalHandling handling,
                       CaseSupport cases, Clock clock, EntityManager em) {
        this.clock = clock;
        this.em = em;
        this.cases = cases;
        this.submission = submission;
        this.review = review;
        this.handling = handling;
    }

    @Override
    @Transactional
    public Played load(Cast cast) {
        Agenda agenda = new Agenda(cases.today());
        Long[] keyCase = null;
        Long[] closedCase = null;
        int next = 0;
        for (Script s : SCRIPTS) {
            CurrentUser proposer = s.byDemoMember() ? cast.member() : cast.proposers().get(next++ % cast.proposers().size());
            Long[] id = play(agenda, cast, s, proposer);
            if (keyCase == null && s.until() == ProposalStatus.IN_PROGRESS) {
                keyCase = id;
            }
            if (closedCase == null && s.until() == ProposalStatus.CLOSED && !s.byDemoMember()) {
                closedCase = id;
            }
        }
        playSplit(agenda, cast, cast.proposers().get(next % cast.proposers().size()));
        agenda.run(clock, em);
        cases.quietClosedCases();
        return new Played(keyCase[0], closedCase[0]);
    }

    /**
     * A split case (分办, issue 15 point 2) with two parts in different states: the civil affairs
     * bureau's part replied and approved, the education bureau's part still in its handler's hands.
     */
    private void playSplit(Agenda agenda, Cast cast, CurrentUser proposer) {
        Long[] id = new Long[1];
        agenda.on(85, () -> SystemActor.runAs(proposer, () -> {
            id[0] = submission.draft(new ProposalText("关于建立困境儿童关爱帮扶机制的建议",
                    "我区困境儿童分散在各街道，生活救助由民政部门负责，教育帮扶由学校负责，信息不互通，帮扶不连续。",
                    "一是由民政部门建立困境儿童信息台账并落实基本生活保障；二是由教育部门落实学业帮扶和心理辅导。",
                    "社会保障", cast.sessionId(), Boolean.TRUE), List.of());
            submission.submit(id[0]);
        }));
        Long civil = cast.units().get("区民政局");
        Long education = cast.unitHandler().unitId();
        agenda.then(4, () -> SystemActor.runAs(cast.staff(),
                () -> review.review(id[0], ProposalReview.Decision.FILE, "符合立案条件。", null)));
        agenda.then(5, () -> SystemActor.runAs(cast.staff(),
                () -> review.assign(id[0], HandlingMode.SPLIT, civil, List.of(education), null)));
        CurrentUser civilHandler = new CurrentUser(0L, "demo-unit", "区民政局", cast.staff().committeeId(),
                EnumSet.of(Role.UNIT_HANDLER), null, civil);
        agenda.then(2, () -> SystemActor.runAs(civilHandler, () -> handling.accept(id[0])));
        agenda.then(8, () -> SystemActor.runAs(civilHandler, () -> handling.record(id[0], HandlingType.PROPOSER_CONTACT,
                cases.today(), "上门听取提案人意见，商定民政部分的办理方案。")));
        agenda.then(50, () -> SystemActor.runAs(civilHandler, () -> handling.reply(id[0], "A",
                "已建立全区困境儿童信息台账，按月发放基本生活费，并由街道儿童督导员定期走访。")));
        agenda.then(1, () -> SystemActor.runAs(new CurrentUser(0L, "demo-unit-head", "区民政局", cast.staff().committeeId(),
                EnumSet.of(Role.UNIT_HEAD), null, civil), () -> handling.signOff(id[0], Boolean.TRUE, null)));
        agenda.then(3, () -> SystemActor.runAs(cast.staff(), () -> handling.reviewReply(id[0], civil, Boolean.TRUE, null,
                null)));
    }

    /**
     * Schedules one case, from the member's draft as far as its script goes, on the days its
     * script says; answers where its id will be once the agenda has run.
     */
    private Long[] play(Agenda agenda, Cast cast, Script s, CurrentUser proposer) {
        Long[] id = new Long[1];
        agenda.on(s.submittedDaysAgo(), () -> SystemActor.runAs(proposer, () -> id[0] = submission.draft(new ProposalText(
                s.title(), s.background(), s.suggestions(), s.category(), cast.sessionId(), Boolean.TRUE), List.of())));
        if (s.until() == ProposalStatus.DRAFT) {
            return id;
        }
        agenda.then(0, () -> SystemActor.runAs(proposer, () -> submission.submit(id[0])));
        if (s.until() == ProposalStatus.SUBMITTED) {
            return id;
        }
        if (s.until() == ProposalStatus.NOT_FILED) {
            agenda.then(4, () -> SystemActor.runAs(cast.staff(), () -> {
                review.review(id[0], ProposalReview.Decision.NOT_FILE, "反映的是个人诉求，建议通过信访渠道反映。",
                        NOT_FILED_GROUND);
                // kept as a social-conditions report of its proposer (the socialreport module listens)
                review.convert(id[0], ConversionKind.SOCIAL_REPORT, null, "转为社情民意信息");
            }));
            return id;
        }
        agenda.then(4, () -> SystemActor.runAs(cast.staff(),
                () -> review.review(id[0], ProposalReview.Decision.FILE, "符合立案条件。", null)));
        if (s.until() == ProposalStatus.FILED) {
            return id;
        }
        Long unitId = cast.units().get(s.unit());
        // the due date follows from the day of assignment by the committee's rules (ProposalReview.assign)
        agenda.then(5, () -> SystemActor.runAs(cast.staff(),
                () -> review.assign(id[0], HandlingMode.SOLE, unitId, List.of(), null)));
        if (s.until() == ProposalStatus.ASSIGNED) {
            return id;
        }
        CurrentUser unit = unitId.equals(cast.unitHandler().unitId()) ? cast.unitHandler()
                : new CurrentUser(0L, "demo-unit", s.unit(), cast.staff().committeeId(), EnumSet.of(Role.UNIT_HANDLER), null,
                unitId);
        agenda.then(2, () -> SystemActor.runAs(unit, () -> handling.accept(id[0])));
        agenda.then(8, () -> SystemActor.runAs(unit, () -> handling.record(id[0], HandlingType.PROPOSER_CONTACT,
                cases.today(), "电话联系提案人，听取意见建议，商定办理方案。")));
        if (s.until() == ProposalStatus.IN_PROGRESS) {
            return id;
        }
        agenda.then(s.replyDays() - 10, () -> SystemActor.runAs(unit, () -> handling.reply(id[0], s.replyClass(),
                replyText(s))));
        // the demo unit head ("unithead") finds the education bureau's reply waiting for the signature
        if (s.until() == ProposalStatus.REPLY_REVIEW && unit == cast.unitHandler()) {
            return id;
        }
        CurrentUser head = new CurrentUser(0L, "demo-unit-head", s.unit(), cast.staff().committeeId(),
                EnumSet.of(Role.UNIT_HEAD), null, unitId);
        agenda.then(1, () -> SystemActor.runAs(head, () -> handling.signOff(id[0], Boolean.TRUE, null)));
        if (s.until() == ProposalStatus.REPLY_REVIEW) {
            return id;
        }
        agenda.then(3, () -> SystemActor.runAs(cast.staff(), () -> handling.reviewReply(id[0], Boolean.TRUE, null, null)));
        if (s.until() == ProposalStatus.REPLIED) {
            return id;
        }
        if (s.firstResult() != null) {
            // the proposer is not satisfied: the case goes back to the unit for a month (ProposalHandling.evaluate)
            agenda.then(15, () -> SystemActor.runAs(proposer, () -> handling.evaluate(id[0], Rating.BASICALLY_SATISFIED,
                    s.firstResult(), "答复对建议中的具体措施回应不够，希望进一步研究落实。")));
            // a new round: the unit meets the proposer again before its second reply
            agenda.then(5, () -> SystemActor.runAs(unit, () -> handling.record(id[0], HandlingType.PROPOSER_CONTACT,
                    cases.today(), "上门听取提案人对答复的意见，逐条研究改进措施。")));
            if (s.until() == ProposalStatus.REHANDLING) {
                return id;
            }
            agenda.then(15, () -> SystemActor.runAs(unit, () -> handling.reply(id[0], s.replyClass(),
                    "经重新研究办理，" + replyText(s))));
            agenda.then(1, () -> SystemActor.runAs(head, () -> handling.signOff(id[0], Boolean.TRUE, null)));
            agenda.then(3, () -> SystemActor.runAs(cast.staff(),
                    () -> handling.reviewReply(id[0], Boolean.TRUE, null, null)));
        }
        Rating attitude = s.result() == Rating.SATISFIED ? Rating.SATISFIED : Rating.BASICALLY_SATISFIED;
        agenda.then(12, () -> SystemActor.runAs(proposer, () -> handling.evaluate(id[0], attitude, s.result(),
                s.result() == Rating.SATISFIED ? "办理认真，沟通及时。" : "办理态度较好，部分措施有待进一步落实。")));
        // closed cases and their replies are published for the public pages
        agenda.then(2, () -> SystemActor.runAs(cast.staff(), () -> review.publish(id[0], Boolean.TRUE, Boolean.FALSE)));
        return id;
    }

    private static String replyText(Script s) {
        return switch (s.replyClass()) {
            case "A" -> "您提出的建议已采纳并落实：" + s.suggestions() + " 感谢您对我区工作的关心和支持。";
            case "B" -> "您提出的建议已列入工作计划，正在分步推进，预计明年底前全部完成。我们将及时向您通报进展。";
            default -> "您的建议很有参考价值，受财力和用地条件限制，目前暂难实施，我们将在编制下一轮规划时统筹研究。";
        };
    }

    /**
     * The demo's steps on their days (issue 17 point 13): each case's steps are scheduled from its
     * submission, a number of days apart; all cases' steps then run in the order of their days, each
     * on this thread as if it were that working day at office hours ({@link AppTime#actingAt}), so
     * that the dates the use cases take from the clock (submitted, filed, assigned, due, replied,
     * closed), the history, audit entries, notices and the events' dates all agree. Nothing is later
     * than now: a step that would fall in the future runs now.
     */
    static final class Agenda {

        private record Entry(LocalDate day, int order, Runnable step) {
        }

        private final LocalDate today;
        private final List<Entry> entries = new ArrayList<>();
        private LocalDate last;

        Agenda(LocalDate today) {
            this.today = today;
        }

        /** A case's first step, so many days before today. */
        void on(int daysAgo, Runnable step) {
            last = today.minusDays(daysAgo);
            entries.add(new Entry(workday(last), entries.size(), step));
        }

        /** The case's next step, so many days after its previous one. */
        void then(int days, Runnable step) {
            last = last.plusDays(days);
            entries.add(new Entry(workday(last), entries.size(), step));
        }

        /** The working day (Monday to Friday) on or after the day, but never after today. */
        LocalDate workday(LocalDate day) {
            LocalDate d = day.isAfter(today) ? today : day;
            LocalDate w = d;
            while (weekend(w)) {
                w = w.plusDays(1);
            }
            if (w.isAfter(today)) {
                w = d;
                while (weekend(w)) {
                    w = w.minusDays(1);
                }
            }
            return w;
        }

        private static boolean weekend(LocalDate d) {
            return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        }

        /** Runs the steps by day, a few minutes apart from 09:00 on, each flushed while its time is set. */
        void run(Clock clock, EntityManager em) {
            List<Entry> byDay = entries.stream().sorted(Comparator.comparing(Entry::day).thenComparing(Entry::order)).toList();
            LocalDate day = null;
            int ofDay = 0;
            for (Entry e : byDay) {
                ofDay = e.day().equals(day) ? ofDay + 1 : 0;
                day = e.day();
                Instant at = e.day().atTime(LocalTime.of(9, 0).plusMinutes(3L * ofDay)).atZone(clock.getZone()).toInstant();
                Instant now = Instant.now();
                AppTime.actingAt(at.isAfter(now) ? now : at, () -> {
                    e.step().run();
                    // written (and audited) while the step's time is set
                    em.flush();
                });
                // the steps pass case ids, never entities: an empty persistence context keeps each
                // later query's auto-flush from dirty-checking every case acted out so far
                em.clear();
            }
        }
    }
}
