package org.xieshang.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.xieshang.activity.internal.ActivityService;
import org.xieshang.activity.internal.ActivityService.ActivityForm;
import org.xieshang.committee.CommitteeLevel;
import org.xieshang.committee.Committees;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberRole;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.support.TestClock;

/**
 * The activity module bootstrapped with its dependencies only (Spring Modulith): the close of an
 * ended activity publishes AttendanceChanged (ABSENT) for the invitee who did not come, as the
 * duty record will receive it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-module-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-test-${random.uuid}",
        "xieshang.demo=false",
        "db-scheduler.polling-interval=1h"
})
@Import({TestClock.Config.class, ActivityEvents.class})
class ActivityModuleTest {

    @Autowired
    ActivityService activities;
    @Autowired
    Committees committees;
    @Autowired
    ReferenceDataChanges reference;
    @Autowired
    MemberDirectory members;
    @Autowired
    TestClock clock;
    @Autowired
    ActivityEvents events;

    @Test
    void theCloseAnnouncesTheAbsentInvitee() {
        Long committee = CommitteeContext.callAsSystem(() -> committees.create("模块测试政协", CommitteeLevel.values()[0], "测试区")).id();
        LocalDate day = LocalDate.of(2026, 12, 14);
        clock.set(day, LocalTime.of(8, 0));
        Instant start = day.atTime(9, 0).atZone(TestClock.ZONE).toInstant();
        Long[] ids = new Long[2];
        SystemActor.runAs(committee, () -> {
            Long sector = reference.createSector("模块界别").id();
            ids[0] = members.register(new MemberData("缺席委员", Gender.MALE, null, null, null, sector, null, null, null, null,
                    null, EnumSet.of(MemberRole.MEMBER))).id();
            ids[1] = activities.create(new ActivityForm(ActivityType.STUDY, "学习会", start, start.plusSeconds(3600), "会议室",
                    null, null, null, List.of(ids[0]), false, false, List.of(), List.of())).id();
        });
        clock.set(day, LocalTime.of(10, 1));
        boolean closed = SystemActor.callAs(committee, () -> activities.close(ids[1]));
        assertThat(closed).as("closed after the end").isTrue();
        assertThat(events.of(ids[1], ids[0])).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AttendanceStatus.ABSENT);
            assertThat(e.previousStatus()).isEqualTo(AttendanceStatus.INVITED);
            assertThat(e.type()).isEqualTo(ActivityType.STUDY);
            assertThat(e.date()).isEqualTo(day);
        });
    }
}
