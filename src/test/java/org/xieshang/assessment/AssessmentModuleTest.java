package org.xieshang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.activity.ActivityType;
import org.xieshang.activity.AttendanceChanged;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.assessment.internal.DutyRecordService;
import org.xieshang.assessment.internal.DutyRecordService.EntryView;
import org.xieshang.assessment.internal.RunService;
import org.xieshang.committee.CommitteeLevel;
import org.xieshang.committee.Committees;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.liaison.ContactMethod;
import org.xieshang.liaison.LiaisonContactLogged;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberRole;
import org.xieshang.proposal.ProposalEvents.ProposalFiled;
import org.xieshang.proposal.ProposalEvents.ProposalMarkedKey;
import org.xieshang.proposal.ProposalEvents.ProposalMerged;
import org.xieshang.proposal.ProposalEvents.ProposalSubmitted;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The assessment module with its dependencies (Spring Modulith): the duty record derived from the
 * other modules' events as they publish them — idempotent per source, following a source that
 * changes (a late leave approval, a merge) — and a kept run that does not move when it does.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-module-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-test-${random.uuid}",
        "xieshang.demo=false",
        "db-scheduler.polling-interval=1h"
})
class AssessmentModuleTest {

    static final int YEAR = LocalDate.now().getYear();
    static final LocalDate DAY = LocalDate.of(YEAR, 3, 10);

    @Autowired
    Committees committees;
    @Autowired
    ReferenceDataChanges reference;
    @Autowired
    MemberDirectory members;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DutyRecordService record;
    @Autowired
    RunService runs;

    Long committee;

    void publish(Object... es) {
        tx.executeWithoutResult(s -> {
            for (Object e : es) {
                events.publishEvent(e);
            }
        });
    }

    Long member(String name) {
        return SystemActor.callAs(committee, () -> {
            Long sector = reference.createSector(name + "界别").id();
            return members.register(new MemberData(name, Gender.FEMALE, null, null, null, sector, null, null, null, null,
                    null, EnumSet.of(MemberRole.MEMBER))).id();
        });
    }

    List<EntryView> recordWhen(Long memberId, Predicate<List<EntryView>> done) {
        long until = System.currentTimeMillis() + 15_000;
        List<EntryView> items;
        do {
            items = SystemActor.callAs(committee, () -> record.record(memberId, DAY.withDayOfYear(1),
                    DAY.withMonth(12).withDayOfMonth(31)).items());
            if (done.test(items)) {
                return items;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        } while (System.currentTimeMillis() < until);
        throw new AssertionError("record never matched: " + items);
    }

    static long count(List<EntryView> items, DutyKind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    int pointsOf(Long runId, Long memberId) {
        return SystemActor.callAs(committee, () -> runs.get(runId).results().stream()
                .filter(r -> r.memberId().equals(memberId)).findFirst().orElseThrow().points());
    }

    Long run() {
        return SystemActor.callAs(committee, () -> {
            Long id = runs.start(DAY.withDayOfYear(1), DAY.withMonth(12).withDayOfMonth(31));
            runs.compute(id);
            return id;
        });
    }

    @Test
    void theRecordFollowsItsSourcesAndAKeptRunDoesNot() {
        committee = CommitteeContext.callAsSystem(() -> committees.create("测评模块政协", CommitteeLevel.values()[0], "测试区")).id();
        Long a = member("甲");
        Long b = member("乙");
        Long c = member("丙");

        // absent from the plenary, twice delivered: one entry
        AttendanceChanged absent = new AttendanceChanged(committee, 501L, a, ActivityType.PLENARY, AttendanceStatus.INVITED,
                AttendanceStatus.ABSENT, DAY, Instant.now());
        publish(absent, absent);
        List<EntryView> items = recordWhen(a, i -> count(i, DutyKind.ACTIVITY_ABSENT) == 1);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).source().type()).isEqualTo("ACTIVITY");
        assertThat(items.get(0).source().id()).isEqualTo(501L);

        // proposals: a individual with b co-signing; a collective case credits nobody as first proposer
        publish(new ProposalSubmitted(committee, 601L, a, List.of(b), DAY),
                new ProposalSubmitted(committee, 602L, c, List.of(), DAY, true),
                new ProposalFiled(committee, 601L, "001", List.of(a, b), DAY),
                new ProposalMarkedKey(committee, 601L, List.of(a, b), DAY),
                new LiaisonContactLogged(committee, 701L, c, List.of(a, b), DAY, ContactMethod.SYMPOSIUM));
        items = recordWhen(a, i -> count(i, DutyKind.PROPOSAL_KEY) == 1 && count(i, DutyKind.LIAISON_CONTACTED) == 1);
        assertThat(count(items, DutyKind.PROPOSAL_SUBMITTED)).isEqualTo(1);
        assertThat(count(items, DutyKind.PROPOSAL_FILED)).isEqualTo(1);
        List<EntryView> ofB = recordWhen(b, i -> count(i, DutyKind.PROPOSAL_KEY) == 1 && count(i, DutyKind.LIAISON_CONTACTED) == 1);
        assertThat(count(ofB, DutyKind.PROPOSAL_COSIGNED)).isEqualTo(1);
        assertThat(count(ofB, DutyKind.PROPOSAL_SUBMITTED)).isZero();
        List<EntryView> ofC = recordWhen(c, i -> count(i, DutyKind.LIAISON_HELD) == 1);
        assertThat(count(ofC, DutyKind.PROPOSAL_SUBMITTED)).isZero();

        // defaults: plenary absent 0; proposal 10 + filed 15 → a has 25
        Long first = run();
        assertThat(pointsOf(first, a)).isEqualTo(25);

        // late: the plenary leave is approved after the fact (ABSENT → ON_LEAVE, 30); the case is merged
        publish(new AttendanceChanged(committee, 501L, a, ActivityType.PLENARY, AttendanceStatus.ABSENT,
                AttendanceStatus.ON_LEAVE, DAY, Instant.now()), new ProposalMerged(committee, 601L, 650L));
        items = recordWhen(a, i -> count(i, DutyKind.ACTIVITY_ON_LEAVE) == 1
                && i.stream().anyMatch(e -> e.description().contains("#650")));
        assertThat(count(items, DutyKind.ACTIVITY_ABSENT)).isZero();
        assertThat(items.stream().filter(e -> "ACTIVITY".equals(e.source().type()))).hasSize(1);
        // the merged case keeps its proposers' credit
        assertThat(count(items, DutyKind.PROPOSAL_SUBMITTED)).isEqualTo(1);

        assertThat(pointsOf(first, a)).as("the kept run").isEqualTo(25);
        Long second = run();
        assertThat(pointsOf(second, a)).as("the next run").isEqualTo(55);

        // back to INVITED (a correction): the entry no longer counts
        publish(new AttendanceChanged(committee, 501L, a, ActivityType.PLENARY, AttendanceStatus.ON_LEAVE,
                AttendanceStatus.INVITED, DAY, Instant.now()));
        recordWhen(a, i -> count(i, DutyKind.ACTIVITY_ON_LEAVE) == 0);
    }
}
