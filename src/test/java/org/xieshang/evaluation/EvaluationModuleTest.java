package org.xieshang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;
import org.xieshang.committee.CommitteeLevel;
import org.xieshang.committee.Committees;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.committee.UnitType;
import org.xieshang.evaluation.internal.EvaluationService;
import org.xieshang.evaluation.internal.EvaluationService.EvaluationForm;
import org.xieshang.evaluation.internal.EvaluationService.GroupForm;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberRole;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The evaluation module bootstrapped with its dependencies only (Spring Modulith): a member's ballot
 * is stored without any link to the member — the ballot row has no voter column and the audit trail
 * records that a ballot was cast, never its scores.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-module-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-test-${random.uuid}",
        "xieshang.demo=false",
        "db-scheduler.polling-interval=1h"
})
class EvaluationModuleTest {

    @Autowired
    EvaluationService evaluations;
    @Autowired
    Committees committees;
    @Autowired
    ReferenceDataChanges reference;
    @Autowired
    MemberDirectory members;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBallotIsStoredWithoutItsVoter() {
        Long committee = CommitteeContext.callAsSystem(() -> committees.create("评议模块测试政协", CommitteeLevel.values()[0], "测试区")).id();
        Long[] ids = new Long[4];
        SystemActor.runAs(committee, () -> {
            Long sector = reference.createSector("模块界别").id();
            reference.createTerm("第十届", LocalDate.of(2022, 1, 1), LocalDate.of(2026, 12, 31));
            ids[0] = reference.createUnit("区民政局", UnitType.DEPARTMENT).id();
            ids[1] = members.register(new MemberData("评议组长", Gender.MALE, null, null, null, sector, null, null, null, null,
                    null, EnumSet.of(MemberRole.VICE_CHAIR))).id();
            ids[2] = members.register(new MemberData("评议委员", Gender.FEMALE, null, null, null, sector, null, null, null, null,
                    null, EnumSet.of(MemberRole.MEMBER))).id();
            ids[3] = evaluations.create(new EvaluationForm(2026, null, List.of(ids[0]), null, null, null)).id();
            evaluations.addGroup(ids[3], new GroupForm(ids[0], ids[1], List.of(ids[2]), List.of()));
        });
        Map<String, Integer> scores = new HashMap<>();
        for (String code : List.of("DUTY_PERFORMANCE", "SERVING_CENTRE", "LAW_BASED_ADMINISTRATION", "WORK_STYLE",
                "INTEGRITY", "PROPOSAL_HANDLING")) {
            scores.put(code, 77);
        }
        CurrentUser voter = new CurrentUser(4242L, "voter-4242", "评议委员", committee, EnumSet.of(Role.MEMBER), ids[2], null);
        SystemActor.runAs(voter, () -> evaluations.vote(ids[3], ids[0], scores));

        List<Map<String, Object>> ballots = jdbc.queryForList("select * from evaluation_ballot where evaluation_id = ?", ids[3]);
        assertThat(ballots).singleElement().satisfies(b -> {
            assertThat(b.keySet()).map(String::toLowerCase)
                    .containsExactlyInAnyOrder("id", "committee_id", "evaluation_id", "unit_id", "scores");
            assertThat(b.values()).doesNotContain(ids[2], 4242L, "voter-4242");
        });
        // the audit trail knows who voted (as the voter record does), never what
        List<String> changes = jdbc.queryForList("select changes from audit_entry where actor = 'voter-4242'", String.class);
        assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c).doesNotContain("77"));
        assertThat(jdbc.queryForList("select entity_type from audit_entry where actor = 'voter-4242'", String.class))
                .doesNotContain("EvaluationBallot");
        assertThat(SystemActor.callAs(committee, () -> evaluations.results(ids[3])).ranking().get(0).score())
                .isEqualByComparingTo("77");
    }

    @Test
    void ballotIdsAreRandomSoTheirOrderIsNotTheVotingOrder() {
        Long committee = CommitteeContext.callAsSystem(() -> committees.create("评议顺序测试政协", CommitteeLevel.values()[0], "测试区")).id();
        int voters = 12;
        Long[] ids = new Long[3];
        List<Long> memberIds = new java.util.ArrayList<>();
        SystemActor.runAs(committee, () -> {
            Long sector = reference.createSector("顺序界别").id();
            reference.createTerm("第十届", LocalDate.of(2022, 1, 1), LocalDate.of(2026, 12, 31));
            ids[0] = reference.createUnit("区教育局", UnitType.DEPARTMENT).id();
            ids[1] = members.register(new MemberData("顺序组长", Gender.MALE, null, null, null, sector, null, null, null, null,
                    null, EnumSet.of(MemberRole.VICE_CHAIR))).id();
            for (int i = 0; i < voters; i++) {
                memberIds.add(members.register(new MemberData("顺序委员" + i, Gender.FEMALE, null, null, null, sector, null, null,
                        null, null, null, EnumSet.of(MemberRole.MEMBER))).id());
            }
            ids[2] = evaluations.create(new EvaluationForm(2026, null, List.of(ids[0]), null, null, null)).id();
            evaluations.addGroup(ids[2], new GroupForm(ids[0], ids[1], memberIds, List.of()));
        });
        // voter i gives 50 + i on the first dimension, so each stored ballot tells its place in the voting order
        List<Integer> votingOrder = new java.util.ArrayList<>();
        for (int i = 0; i < voters; i++) {
            Map<String, Integer> scores = new HashMap<>();
            for (String code : List.of("DUTY_PERFORMANCE", "SERVING_CENTRE", "LAW_BASED_ADMINISTRATION", "WORK_STYLE",
                    "INTEGRITY", "PROPOSAL_HANDLING")) {
                scores.put(code, 80);
            }
            scores.put("DUTY_PERFORMANCE", 50 + i);
            votingOrder.add(50 + i);
            CurrentUser voter = new CurrentUser(5000L + i, "order-voter-" + i, "顺序委员" + i, committee, EnumSet.of(Role.MEMBER),
                    memberIds.get(i), null);
            SystemActor.runAs(voter, () -> evaluations.vote(ids[2], ids[0], scores));
        }
        List<Map<String, Object>> stored = jdbc.queryForList("select id, scores from evaluation_ballot where evaluation_id = ? order by id",
                ids[2]);
        assertThat(stored).hasSize(voters).allSatisfy(b -> assertThat(b.get("id")).isInstanceOf(java.util.UUID.class));
        List<Integer> storedOrder = stored.stream().map(b -> Integer.parseInt(((String) b.get("scores"))
                .replaceAll(".*DUTY_PERFORMANCE=(\\d+).*", "$1"))).toList();
        // the same ballots, in an order unrelated to the voting order: equal by chance with probability 1/12! (2·10⁻⁹)
        assertThat(storedOrder).containsExactlyInAnyOrderElementsOf(votingOrder).isNotEqualTo(votingOrder);

        // no column joins a ballot to a voter: the ballot table has the unit and the scores only, and no column
        // of the voter table names a ballot
        List<String> ballotColumns = jdbc.queryForList("select lower(column_name) from information_schema.columns "
                + "where lower(table_name) = 'evaluation_ballot'", String.class);
        assertThat(ballotColumns).containsExactlyInAnyOrder("id", "committee_id", "evaluation_id", "unit_id", "scores");
        List<String> voterColumns = jdbc.queryForList("select lower(column_name) from information_schema.columns "
                + "where lower(table_name) = 'evaluation_voter'", String.class);
        assertThat(voterColumns).noneMatch(c -> c.contains("ballot"));
        // the audit trail records that a ballot was cast for the unit, on the evaluation, never the ballot's id
        List<String> audited = jdbc.queryForList("select changes from audit_entry where action = 'BALLOT' and entity_id = ?",
                String.class, String.valueOf(ids[2]));
        assertThat(audited).hasSize(voters);
        for (Map<String, Object> b : stored) {
            assertThat(audited).noneMatch(a -> a.contains(b.get("id").toString()));
        }
        assertThat(audited).allSatisfy(a -> assertThat(a).contains(String.valueOf(ids[0])).doesNotContain("DUTY_PERFORMANCE"));
    }
}
