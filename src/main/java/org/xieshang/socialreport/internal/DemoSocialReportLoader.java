package org.xieshang.socialreport.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.time.AppTime;
import org.xieshang.socialreport.AdoptionLevel;
import org.xieshang.socialreport.DemoSocialReports;

/**
 * The demo committee's reports, acted out through the use cases: nineteen written by members
 * (with the not-filed proposal the demo converts, twenty): pending (two edited by the office),
 * adopted at every level, refused, and one adopted report with a government leader's comment.
 */
@Component
class DemoSocialReportLoader implements DemoSocialReports {

    /** What happens to a report: stays SUBMITTED (edited or not), ADOPTED at a level, or refused. */
    private record Script(String title, String content, String category, ReportStatus until, AdoptionLevel level,
                          boolean edited, String comment) {
    }

    private static Script pending(String title, String content, String category, boolean edited) {
        return new Script(title, content, category, ReportStatus.SUBMITTED, null, edited, null);
    }

    private static Script adopted(String title, String content, String category, AdoptionLevel level, String comment) {
        return new Script(title, content, category, ReportStatus.ADOPTED, level, true, comment);
    }

    private static Script refused(String title, String content, String category) {
        return new Script(title, content, category, ReportStatus.NOT_ADOPTED, null, false, null);
    }

    private static final List<Script> SCRIPTS = List.of(
            adopted("关于学校周边上下学时段交通拥堵的情况反映", "多所小学放学时段家长车辆临时停放，占用机动车道，交通拥堵严重，存在安全隐患。建议错峰放学，设置临时停车带，增派交警和志愿者疏导。",
                    "社会治理", AdoptionLevel.CITY, "请区教育局会同公安交警部门拿出错峰放学和临时停车方案，一个月内报区政府。"),
            adopted("关于农村留守老人助餐服务覆盖不足的反映", "部分行政村尚无老年助餐点，高龄独居老人吃饭难。建议依托村级综合服务中心设置助餐点，引入社会力量运营。",
                    "社会民生", AdoptionLevel.DISTRICT, null),
            adopted("关于老旧小区电动自行车充电难的情况反映", "老旧小区缺少集中充电设施，居民飞线充电、入户充电现象普遍，火灾隐患突出。", "城乡建设",
                    AdoptionLevel.PROVINCE, null),
            adopted("关于中小微企业融资难融资贵的反映", "部分小微企业反映首贷难、续贷门槛高，担保费率偏高。建议扩大政府性融资担保覆盖面。", "经济发展",
                    AdoptionLevel.NATIONAL, null),
            adopted("关于河道沿线垃圾倾倒问题的反映", "城郊河道沿线存在建筑垃圾和生活垃圾倾倒，影响水质和景观。", "生态环境", AdoptionLevel.DISTRICT, null),
            adopted("关于社区卫生服务中心夜间门诊缺失的反映", "多数社区卫生服务中心夜间不开诊，居民夜间小病只能去大医院急诊。", "教育卫生",
                    AdoptionLevel.CITY, null),
            adopted("关于乡村旅游厕所管护不到位的反映", "部分乡村旅游点公厕建成后缺乏日常管护，卫生状况差，游客意见较大。", "文化旅游",
                    AdoptionLevel.DISTRICT, null),
            adopted("关于新就业形态劳动者权益保障的反映", "外卖骑手、网约车司机参加工伤保险比例低，遇到纠纷维权难。", "社会民生", AdoptionLevel.CITY, null),
            adopted("关于城区停车收费标准不统一的反映", "城区各停车场收费标准差异大，部分路段收费公示不清。", "城乡建设", AdoptionLevel.PROVINCE, null),
            adopted("关于农产品冷链物流短板的反映", "镇村冷库不足，生鲜农产品损耗率高，农户增收受限。", "经济发展", AdoptionLevel.DISTRICT, null),
            pending("关于公交站台无障碍设施不完善的反映", "部分公交站台缺少盲道和坡道，轮椅使用者乘车困难。", "社会治理", true),
            pending("关于小区物业服务质量参差不齐的反映", "部分小区物业服务与收费不匹配，业主委员会成立难。", "社会治理", true),
            pending("关于青少年近视防控的建议", "中小学生近视率居高不下，课间户外活动时间不足。", "教育卫生", false),
            pending("关于农村生活污水治理设施运行的反映", "部分村污水处理设施建成后运维资金不足，处于停运状态。", "生态环境", false),
            pending("关于夜间经济街区噪声扰民的反映", "夜市街区夜间噪声大，周边居民休息受影响。", "文化旅游", false),
            refused("关于本人住房维修的诉求", "本人所住房屋屋顶漏水，物业迟迟不修，请求帮助解决。", "其他"),
            refused("关于某企业拖欠货款的反映", "某企业拖欠本公司货款半年未付，请求政协出面协调。", "经济发展"),
            refused("关于增设小区门口路灯的建议", "小区门口一段道路无路灯，夜间出行不便。该问题已于上月由社区报送处理。", "城乡建设"),
            refused("关于个人职称评审结果的意见", "对本人今年职称评审结果有不同意见，请求重新评审。", "其他"));

    private final SocialReportService service;
    private final Clock clock;
    private final EntityManager em;

    DemoSocialReportLoader(SocialReportService service, Clock clock, EntityManager em) {
        this.service = service;
        this.clock = clock;
        this.em = em;
    }

    /**
     * The reports are acted out over the year (issue 17 point 13): those decided were submitted from
     * about 320 days before the first start on, every 20 days, and decided a week later; the pending
     * ones came in over the last month. Each step runs as if it were that working morning
     * ({@link AppTime#actingAt}: this thread only), so dates, audit entries and events agree.
     */
    @Override
    public void load(Cast cast) {
        LocalDate today = LocalDate.now(clock);
        int decided = 0;
        int pending = 0;
        for (int i = 0; i < SCRIPTS.size(); i++) {
            Script s = SCRIPTS.get(i);
            CurrentUser author = cast.authors().get(i % cast.authors().size());
            LocalDate submitted = today.minusDays(s.until() == ReportStatus.SUBMITTED ? 3 + 5L * pending++ : 320 - 20L * decided++);
            Long[] id = new Long[1];
            at(submitted, 0, () -> SystemActor.runAs(author, () -> id[0] = service.submit(
                    new SocialReportService.ReportForm(s.title(), s.content(), s.category())).id()));
            decide(cast, s, id, submitted.plusDays(s.until() == ReportStatus.SUBMITTED ? 1 : 5));
        }
    }

    /** The office's and leaders' steps on a report, from {@code day} on. */
    private void decide(Cast cast, Script s, Long[] id, LocalDate day) {
        at(day, 1, () -> {
            if (s.edited()) {
                SystemActor.runAs(cast.staff(), () -> service.edit(id[0], new SocialReportService.ReportForm(
                        s.title().replaceFirst("^关于", "").replaceFirst("的(情况)?反映$", "问题亟待解决"),
                        "据委员反映，" + s.content(), null), null));
            }
            switch (s.until()) {
                case ADOPTED -> SystemActor.runAs(cast.staff(), () -> service.adopt(id[0], s.level(), null));
                case NOT_ADOPTED -> SystemActor.runAs(cast.staff(), () -> service.reject(id[0],
                        "属于个人诉求或已有渠道处理，不作为社情民意信息报送。", null));
                case SUBMITTED -> {
                }
            }
        });
        if (s.comment() != null) {
            at(day.plusDays(10), 2, () -> SystemActor.runAs(cast.govLeader(), () -> service.comment(id[0], s.comment())));
        }
    }

    /** Runs the step as if it were that day's working morning (a weekend day: the Friday before), never later than now. */
    private void at(LocalDate day, int step, Runnable work) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        Instant at = d.atTime(LocalTime.of(10, 0).plusMinutes(step)).atZone(clock.getZone()).toInstant();
        Instant now = Instant.now();
        AppTime.actingAt(at.isAfter(now) ? now : at, () -> {
            work.run();
            // written (and audited) while the step's time is set
            em.flush();
        });
        // the steps pass report ids, never entities: an empty persistence context keeps the later
        // queries' auto-flushes from dirty-checking every report so far
        em.clear();
    }
}
