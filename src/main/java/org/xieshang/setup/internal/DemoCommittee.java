package org.xieshang.setup.internal;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.ReferenceData.SectorView;
import org.xieshang.committee.ReferenceData.TermView;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.committee.UnitType;
import org.xieshang.identity.UserAccounts;
import org.xieshang.identity.UserAccounts.NewUser;
import org.xieshang.identity.UserAccounts.UserView;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.activity.DemoActivities;
import org.xieshang.assessment.DemoAssessment;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.member.MemberRole;
import org.xieshang.keywork.DemoKeyWork;
import org.xieshang.proposal.DemoProposals;
import org.xieshang.evaluation.DemoEvaluation;
import org.xieshang.socialreport.DemoSocialReports;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * A realistic district committee for trying Xieshang: 15 sectors, 40 units including townships
 * and streets, a term with its sessions, a chair, five vice-chairs, a secretary-general, 30
 * standing committee members and 200 members in all, and one demo account per role.
 * Deterministic: the same committee every time.
 */
@Component
class DemoCommittee {

    static final String DEMO_PASSWORD = "demo2026";

    private static final Logger log = LoggerFactory.getLogger(DemoCommittee.class);

    private static final String[] SECTORS = {"中国共产党", "中国国民党革命委员会", "中国民主同盟", "中国民主建国会", "中国民主促进会",
        "中国农工民主党", "九三学社", "无党派人士", "中国共产主义青年团", "工商业联合会", "文化艺术界", "科学技术界",
        "教育界", "医药卫生界", "经济界"};
    private static final String[] SPECIAL_COMMITTEES = {"提案委员会", "经济委员会", "社会和法制委员会", "文化文史和学习委员会", "农业和农村委员会"};
    private static final String[] DEPARTMENTS = {"区发展和改革局", "区教育局", "区科学技术局", "区民政局", "区司法局", "区财政局",
        "区人力资源和社会保障局", "区自然资源局", "区生态环境分局", "区住房和城乡建设局", "区交通运输局", "区农业农村局",
        "区水利局", "区商务局", "区文化旅游体育局", "区卫生健康委员会", "区退役军人事务局", "区应急管理局", "区审计局",
        "区市场监督管理局", "区医疗保障局", "区城市管理局", "区公安分局", "区数据资源局"};
    private static final String[] PARTY_DEPARTMENTS = {"区委办公室", "区委组织部", "区委宣传部", "区委统战部", "区委政法委员会"};
    private static final String[] TOWNSHIPS = {"城关街道", "东城街道", "西城街道", "南湖街道", "北山街道", "青石镇", "柳河镇",
        "桃源镇", "白沙镇", "龙泉乡"};
    private static final String[] OTHER_UNITS = {"区供电公司"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
        "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
        "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
        "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "建国", "志强", "海燕", "晓东", "春梅",
        "立新", "国庆", "玉兰", "德华", "子涵", "思远", "嘉怡", "宇航", "欣然", "浩然", "雨桐", "俊杰", "婉婷", "振宇", "慧敏"};
    private static final String[] WORK = {"区第一中学", "区人民医院", "区中医院", "实验小学", "区农商银行", "新华书店", "区职业技术学校",
        "华兴科技有限公司", "绿源农业合作社", "区律师协会", "明德会计师事务所", "区文化馆", "区图书馆", "长青养老服务中心",
        "恒达建设集团", "区妇幼保健院", "城南社区卫生服务中心", "区融媒体中心", "瑞丰食品有限公司", "区科协"};
    private static final String[] TITLES = {"校长", "副院长", "主任医师", "教师", "总经理", "董事长", "副主任", "会计师", "律师",
        "研究员", "馆长", "工程师", "理事长", "经理"};
    /** The titles that fit each place of work in {@link #WORK}, same order (no 区职业技术学校 主任医师, issue 17). */
    private static final String[][] TITLES_AT_WORK = {
        {"校长", "副校长", "高级教师", "教师"}, {"院长", "副院长", "主任医师", "护士长"}, {"副院长", "主任中医师", "主治医师"},
        {"校长", "教导主任", "教师"}, {"行长", "副行长", "经济师"}, {"经理", "副经理"}, {"校长", "副校长", "高级讲师", "讲师"},
        {"董事长", "总经理", "高级工程师", "工程师"}, {"理事长", "负责人"}, {"会长", "律师"}, {"主任会计师", "注册会计师"},
        {"馆长", "副馆长", "馆员"}, {"馆长", "副研究馆员"}, {"主任", "负责人"}, {"董事长", "总经理", "高级工程师"},
        {"院长", "主任医师", "副主任医师"}, {"主任", "全科医师"}, {"主任", "副主任", "主任记者"}, {"董事长", "总经理"},
        {"主席", "副主席", "研究员"}};
    private static final String[] ETHNICITIES = {"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "壮族", "土家族"};

    private final ReferenceDataChanges reference;
    private final MemberDirectory members;
    private final UserAccounts users;
    private final DemoProposals proposals;
    private final DemoSocialReports socialReports;
    private final TransactionTemplate tx;
    private final DemoActivities activities;
    private final DemoKeyWork keyWork;
    private final DemoAssessment assessment;
    private final DemoEvaluation evaluation;
    private final EntityManager em;

    DemoCommittee(ReferenceDataChanges reference, MemberDirectory members, UserAccounts users, DemoProposals proposals,
                  DemoSocialReports socialReports, TransactionTemplate tx, DemoActivities activities,
                  DemoKeyWork keyWork, DemoAssessment assessment, DemoEvaluation evaluation, EntityManager em) {
        this.em = em;
        this.keyWork = keyWork;
        this.assessment = assessment;
        this.evaluation = evaluation;
        this.socialReports = socialReports;
        this.activities = activities;
        this.reference = reference;
        this.members = members;
        this.users = users;
        this.proposals = proposals;
        this.tx = tx;
    }

    void load(Long committeeId) {
        SystemActor.runAs(committeeId, () -> tx.executeWithoutResult(s -> loadInTransaction()));
        log.info("Demo committee loaded: sign in as admin, staff, leader, member, handler, unithead or govleader"
                + " (demo password '{}' except admin)", DEMO_PASSWORD);
    }

    private void loadInTransaction() {
        Random random = new Random(2026);
        List<SectorView> sectors = new ArrayList<>();
        for (String name : SECTORS) {
            sectors.add(reference.createSector(name));
        }
        for (String name : SPECIAL_COMMITTEES) {
            reference.createSpecialCommittee(name);
        }
        List<UnitView> units = new ArrayList<>();
        for (String name : DEPARTMENTS) {
            units.add(reference.createUnit(name, UnitType.DEPARTMENT));
        }
        for (String name : PARTY_DEPARTMENTS) {
            units.add(reference.createUnit(name, UnitType.PARTY_DEPARTMENT));
        }
        for (String name : TOWNSHIPS) {
            units.add(reference.createUnit(name, UnitType.TOWNSHIP));
        }
        for (String name : OTHER_UNITS) {
            units.add(reference.createUnit(name, UnitType.OTHER));
        }
        TermView term = reference.createTerm("第十届", LocalDate.of(2022, 1, 1), LocalDate.of(2026, 12, 31));
        String[] sessionNames = {"第一次会议", "第二次会议", "第三次会议", "第四次会议", "第五次会议"};
        Long lastSession = null;
        for (int i = 0; i < sessionNames.length; i++) {
            lastSession = reference.createSession(term.id(), sessionNames[i], 2022 + i, LocalDate.of(2022 + i, 1, 8 + i)).id();
        }

        Set<String> usedNames = new HashSet<>();
        List<MemberSummary> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            EnumSet<MemberRole> roles;
            if (i == 0) {
                roles = EnumSet.of(MemberRole.CHAIR, MemberRole.STANDING_COMMITTEE);
            } else if (i <= 5) {
                roles = EnumSet.of(MemberRole.VICE_CHAIR, MemberRole.STANDING_COMMITTEE);
            } else if (i == 6) {
                roles = EnumSet.of(MemberRole.SECRETARY_GENERAL, MemberRole.STANDING_COMMITTEE);
            } else if (i < 37) {
                roles = EnumSet.of(MemberRole.STANDING_COMMITTEE);
            } else {
                roles = EnumSet.of(MemberRole.MEMBER);
            }
            String name;
            do {
                name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            } while (!usedNames.add(name));
            SectorView sector = sectors.get(i % sectors.size());
            Gender gender = random.nextInt(100) < 38 ? Gender.FEMALE : Gender.MALE;
            LocalDate birth = LocalDate.of(1958 + random.nextInt(32), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String phone = "139" + String.format("%08d", 10_000_000 + i * 37_171 % 89_999_999);
            // the same draws in the same order as before, so every other demo fact stays as it was
            String ethnicity = ETHNICITIES[random.nextInt(ETHNICITIES.length)];
            int work = random.nextInt(WORK.length);
            String[] fitting = TITLES_AT_WORK[work];
            String title = fitting[random.nextInt(TITLES.length) % fitting.length];
            all.add(members.register(new MemberData(name, gender, ethnicity, birth,
                    sector.name().startsWith("中国") && !sector.name().equals("中国共产主义青年团") ? sector.name() : null,
                    sector.id(), null, WORK[work], title, phone, null, roles)));
            if (i % 25 == 24) {
                settle();
            }
        }

        settle();
        UnitView education = units.get(1);
        // one account per role, all with the published demo password: hashed once for the six
        List<UserView> accounts = users.createSharingPassword(List.of(
                new NewUser("staff", DEMO_PASSWORD, "提案委 周敏", EnumSet.of(Role.PROPOSAL_STAFF), null, null),
                new NewUser("leader", DEMO_PASSWORD, all.get(0).name() + "（主席）",
                        EnumSet.of(Role.LEADER_CPPCC, Role.MEMBER), all.get(0).id(), null),
                new NewUser("member", DEMO_PASSWORD, all.get(40).name() + "（委员）",
                        EnumSet.of(Role.MEMBER), all.get(40).id(), null),
                new NewUser("handler", DEMO_PASSWORD, education.name() + " 联络员",
                        EnumSet.of(Role.UNIT_HANDLER), null, education.id()),
                new NewUser("unithead", DEMO_PASSWORD, education.name() + " 局长",
                        EnumSet.of(Role.UNIT_HEAD), null, education.id()),
                new NewUser("govleader", DEMO_PASSWORD, "副区长 郑立新", EnumSet.of(Role.LEADER_GOV), null, null)));
        UserView staff = accounts.get(0);
        UserView leader = accounts.get(1);
        UserView member = accounts.get(2);
        UserView handler = accounts.get(3);
        UserView govLeader = accounts.get(5);

        settle();
        // members without an account propose too; they act through the same use cases
        List<CurrentUser> proposers = all.subList(41, 53).stream().map(m -> new CurrentUser(0L, "demo", m.name(),
                CommitteeContext.current(), EnumSet.of(Role.MEMBER), m.id(), null)).toList();
        Map<String, Long> unitIds = new HashMap<>();
        units.forEach(u -> unitIds.put(u.name(), u.id()));
        DemoProposals.Cast cast = new DemoProposals.Cast(acting(staff), acting(leader), acting(member), acting(handler),
                acting(govLeader), proposers, unitIds, lastSession);
        var played = proposals.load(cast);
        settle();
        keyWork.load(cast, played);
        settle();
        List<CurrentUser> authors = new ArrayList<>(List.of(acting(member)));
        authors.addAll(proposers);
        socialReports.load(new DemoSocialReports.Cast(acting(staff), acting(leader), acting(govLeader), authors));
        settle();
        activities.load(all.stream().map(MemberSummary::id).toList(), all.get(40).id());
        settle();
        // democratic evaluation: 2025 published, 2026 in voting; township assessments of both years
        List<CurrentUser> voters = new ArrayList<>(List.of(acting(member)));
        voters.addAll(all.subList(7, 16).stream().map(m -> new CurrentUser(0L, "demo", m.name(), CommitteeContext.current(),
                EnumSet.of(Role.MEMBER), m.id(), null)).toList());
        evaluation.load(new DemoEvaluation.Cast(new CurrentUser(0L, SystemActor.NAME, SystemActor.NAME,
                CommitteeContext.current(), EnumSet.of(Role.ADMIN), null, null), all.subList(1, 6).stream()
                .map(MemberSummary::id).toList(), voters));
        settle();
        assessment.load(all.stream().map(MemberSummary::id).toList(), LocalDate.now().getYear());
    }

    /**
     * Ends a phase of the load: its rows are written (and processed for the search index, audited)
     * and the persistence context is emptied, still inside the one transaction. Without it every
     * later query's auto-flush and every flush dirty-checks all the entities loaded so far, and the
     * demo's first start took seconds longer (docs/perf.md, Start-up). The phases pass ids and
     * views to each other, never entities.
     */
    private void settle() {
        em.flush();
        em.clear();
    }

    private static CurrentUser acting(UserView u) {
        return new CurrentUser(u.id(), u.username(), u.displayName(), CommitteeContext.current(), u.roles(), u.memberId(),
                u.unitId());
    }
}
