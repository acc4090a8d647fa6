package org.xieshang.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.assessment.DutyKind;
import org.xieshang.committee.Committees;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.TestSupport;

/**
 * The demo committee as the oracle of the office's rebuild: its duty record was written by the
 * events of its proposals, reports, activities and contacts; with every derived entry deleted,
 * the rebuild writes the same entries again (same source keys, kinds, dates, levels and texts),
 * and a second rebuild changes nothing. Same application as DemoCommitteeTest (shared context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:xieshang-demo-${random.uuid};DB_CLOSE_DELAY=-1",
        "xieshang.data-dir=${java.io.tmpdir}/xieshang-test-${random.uuid}",
        "xieshang.admin-password=" + TestSupport.ADMIN_PASSWORD,
        // the server's zone, as the tests' own LocalDate.now() (production defaults to Asia/Shanghai)
        "xieshang.zone=",
        "xieshang.committee-name=示范区政协",
        "xieshang.demo=true",
        "logging.level.xieshang.request=warn"
})
class DutyRebuildDemoTest {

    @Autowired
    Committees committees;
    @Autowired
    DutyEntryRepository entries;
    @Autowired
    DutyRebuildService rebuilds;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRebuildWritesWhatTheDemosEventsWroteAndASecondRunChangesNothing() throws InterruptedException {
        Long committee = committees.all().stream().filter(c -> c.name().equals("示范区政协")).findFirst().orElseThrow().id();
        CurrentUser office = new CurrentUser(0L, "admin", "admin", committee, EnumSet.of(Role.ADMIN), null, null);
        Map<String, String> byEvents = settled(committee);
        assertThat(byEvents.keySet()).anyMatch(k -> k.startsWith("PROPOSAL#")).anyMatch(k -> k.startsWith("SOCIAL_REPORT#"))
                .anyMatch(k -> k.startsWith("ACTIVITY#"));
        assertThat(byEvents.values()).anyMatch(v -> v.startsWith(DutyKind.PROPOSAL_FILED.name()))
                .anyMatch(v -> v.startsWith(DutyKind.SOCIAL_REPORT_ADOPTED.name()));

        // a rebuild over the record the events wrote changes nothing: every entry's source still says it
        LocalDate today = LocalDate.now();
        LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
        SystemActor.runAs(office, () -> rebuilds.compute(rebuilds.start(from, today)));
        assertThat(snapshot(committee)).isEqualTo(byEvents);

        // forget every derived entry, as a deployment from before the assessment module would have none
        jdbc.update("delete from duty_entry where committee_id = ? and source_type <> ?", committee,
                DutyRecordListener.MANUAL);
        assertThat(snapshot(committee)).isEmpty();

        AtomicReference<DutyRebuildService.RebuildView> first = new AtomicReference<>();
        SystemActor.runAs(office, () -> {
            Long id = rebuilds.start(from, today);
            rebuilds.compute(id);
            first.set(rebuilds.get(id));
        });
        assertThat(first.get().status()).isEqualTo("DONE");
        Map<String, String> rebuilt = snapshot(committee);
        assertThat(rebuilt).isEqualTo(byEvents);

        Map<Long, Instant> touched = updatedAt(committee);
        AtomicReference<DutyRebuildService.RebuildView> second = new AtomicReference<>();
        SystemActor.runAs(office, () -> {
            Long id = rebuilds.start(from, today);
            rebuilds.compute(id);
            second.set(rebuilds.get(id));
        });
        assertThat(second.get().entriesAfter()).isEqualTo(second.get().entriesBefore());
        assertThat(snapshot(committee)).isEqualTo(byEvents);
        assertThat(updatedAt(committee)).isEqualTo(touched);

        // a credit whose source is gone (a speech deleted while its event was lost) stops counting, audited;
        // a manual entry of the same period is the office's and stays
        Long member = jdbc.queryForObject("select min(member_id) from duty_entry where committee_id = ?", Long.class, committee);
        LocalDate day = today.minusDays(3);
        jdbc.update("insert into duty_entry (committee_id, member_id, kind, entry_date, description, source_type, source_id,"
                + " source_aspect, active, recorded_by, updated_at, version) values (?, ?, 'SPEECH', ?, '已删除的发言', 'SPEECH',"
                + " 987654321, 'SPEECH', true, 'test', ?, 0)", committee, member, day, java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        jdbc.update("insert into duty_entry (committee_id, member_id, kind, entry_date, description, points, source_type,"
                + " source_aspect, active, recorded_by, updated_at, version) values (?, ?, 'MANUAL', ?, '手工加分', 2, 'MANUAL',"
                + " 'MANUAL', true, 'test', ?, 0)", committee, member, day, java.sql.Timestamp.from(Instant.now().minusSeconds(60)));
        Long stray = jdbc.queryForObject("select id from duty_entry where committee_id = ? and source_id = 987654321", Long.class, committee);
        SystemActor.runAs(office, () -> rebuilds.compute(rebuilds.start(from, today)));
        assertThat(jdbc.queryForObject("select active from duty_entry where id = ?", Boolean.class, stray)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from duty_entry where committee_id = ? and source_type = 'MANUAL'"
                + " and description = '手工加分' and active", Integer.class, committee)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where entity_type = 'DutyEntry' and entity_id = ?",
                Integer.class, String.valueOf(stray))).isPositive();
        assertThat(snapshot(committee)).containsAllEntriesOf(byEvents);
    }

    /** The record once the demo's events have all been handled by the assessment (and no change for two seconds). */
    private Map<String, String> settled(Long committee) throws InterruptedException {
        long until = System.currentTimeMillis() + 180_000;
        // until none is left, or those left have not moved for five seconds (a failed one stays incomplete)
        long left = incomplete();
        long moved = System.currentTimeMillis();
        while (left > 0 && System.currentTimeMillis() < until && System.currentTimeMillis() - moved < 5_000) {
            Thread.sleep(500);
            long now = incomplete();
            if (now != left) {
                left = now;
                moved = System.currentTimeMillis();
            }
        }
        Map<String, String> last = snapshot(committee);
        int quiet = 0;
        while (quiet < 4 && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            Map<String, String> now = snapshot(committee);
            quiet = now.equals(last) ? quiet + 1 : 0;
            last = now;
        }
        return last;
    }

    private long incomplete() {
        return jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                + " and listener_id like 'assessment.%'", Long.class);
    }

    /** Source key and member → what the entry says (derived entries only; manual ones are the office's). */
    private Map<String, String> snapshot(Long committee) {
        Map<String, String> out = new TreeMap<>();
        SystemActor.runAs(committee, () -> tx.executeWithoutResult(s -> {
            for (DutyEntry e : entries.findAll()) {
                if (!e.getSourceType().equals(DutyRecordListener.MANUAL)) {
                    out.put(e.getSourceType() + "#" + e.getSourceId() + "/" + e.getSourceAspect() + "/" + e.getMemberId(),
                            String.join("|", e.getKind().name(), String.valueOf(e.getActivityType()),
                                    String.valueOf(e.getAdoptionLevel()), String.valueOf(e.getEntryDate()),
                                    String.valueOf(e.isActive()), e.getDescription()));
                }
            }
        }));
        return out;
    }

    private Map<Long, Instant> updatedAt(Long committee) {
        Map<Long, Instant> out = new TreeMap<>();
        SystemActor.runAs(committee, () -> tx.executeWithoutResult(s -> entries.findAll()
                .forEach(e -> out.put(e.getId(), e.getUpdatedAt()))));
        return out;
    }

}
