package org.xieshang.activity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.activity.Activities;
import org.xieshang.activity.ActivityType;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.i18n.Messages;

/**
 * Attendance figures of a year (activities starting in it) by member, sector and type, and their
 * .xlsx export; also the {@link Activities} query API for other modules.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceStatistics implements Activities {

    /** Counts of one row; the rate is present / (invited − on leave), null with nothing to count. */
    public record Counts(String key, String label, long invited, long present, long onLeave, long absent, long pending,
                  long speeches, Double rate) {
    }

    public record Figures(int year, List<Counts> byMember, List<Counts> bySector, List<Counts> byType) {
    }

    private final ActivityRepository activities;
    private final InvitationRepository invitations;
    private final SpeechRepository speeches;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final ActivityService service;
    private final Messages messages;

    AttendanceStatistics(ActivityRepository activities, InvitationRepository invitations, SpeechRepository speeches,
                         MemberDirectory members, ReferenceData reference, ActivityService service, Messages messages) {
        this.activities = activities;
        this.invitations = invitations;
        this.speeches = speeches;
        this.members = members;
        this.reference = reference;
        this.service = service;
        this.messages = messages;
    }

    private List<Activity> startingBetween(LocalDate from, LocalDate to) {
        Instant a = from.atStartOfDay(service.zone()).toInstant();
        Instant b = to.plusDays(1).atStartOfDay(service.zone()).toInstant();
        return activities.findByStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAtAsc(a, b).stream()
                .filter(x -> !x.isCancelled()).toList();
    }

    @Override
    public List<AttendanceFact> attendanceBetween(LocalDate from, LocalDate to) {
        List<Activity> list = startingBetween(from, to);
        Map<Long, Activity> byId = new LinkedHashMap<>();
        list.forEach(a -> byId.put(a.getId(), a));
        List<AttendanceFact> out = new ArrayList<>();
        for (Invitation i : invitations.findByActivityIdIn(byId.keySet())) {
            Activity a = byId.get(i.getActivityId());
            out.add(new AttendanceFact(a.getId(), a.getType(), service.day(a), i.getMemberId(), i.getStatus()));
        }
        out.sort(java.util.Comparator.comparing(AttendanceFact::date).thenComparing(AttendanceFact::activityId)
                .thenComparing(AttendanceFact::memberId));
        return out;
    }

    @Override
    public List<SpeechFact> speechesBetween(LocalDate from, LocalDate to) {
        Map<Long, Activity> byId = new LinkedHashMap<>();
        startingBetween(from, to).forEach(a -> byId.put(a.getId(), a));
        return speeches.findByActivityIdIn(byId.keySet()).stream()
                .map(s -> new SpeechFact(s.getId(), s.getActivityId(), byId.get(s.getActivityId()).getType(),
                        service.day(byId.get(s.getActivityId())), s.getMemberId(), s.getTopic()))
                .sorted(java.util.Comparator.comparing(SpeechFact::date).thenComparing(SpeechFact::speechId)).toList();
    }

    Figures figures(Integer year) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC);
        int y = year == null ? LocalDate.now(service.zone()).getYear() : year;
        if (y < 1949 || y > 2200) {
            throw org.xieshang.shared.error.InvalidInput.field("year", "validation.year");
        }
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y, 12, 31);
        List<AttendanceFact> facts = attendanceBetween(from, to);
        List<SpeechFact> said = speechesBetween(from, to);
        Map<Long, MemberDirectory.MemberSummary> people = new LinkedHashMap<>();
        members.all().forEach(m -> people.put(m.id(), m));
        Map<Long, String> sectors = new LinkedHashMap<>();
        reference.sectors().forEach(s -> sectors.put(s.id(), s.name()));

        Map<Long, long[]> byMember = new TreeMap<>();
        Map<Long, long[]> bySector = new TreeMap<>();
        Map<ActivityType, long[]> byType = new EnumMap<>(ActivityType.class);
        for (AttendanceFact f : facts) {
            MemberDirectory.MemberSummary m = people.get(f.memberId());
            add(byMember.computeIfAbsent(f.memberId(), k -> new long[6]), f.status());
            if (m != null && m.sectorId() != null) {
                add(bySector.computeIfAbsent(m.sectorId(), k -> new long[6]), f.status());
            }
            add(byType.computeIfAbsent(f.type(), k -> new long[6]), f.status());
        }
        for (SpeechFact s : said) {
            MemberDirectory.MemberSummary m = people.get(s.memberId());
            byMember.computeIfAbsent(s.memberId(), k -> new long[6])[5]++;
            if (m != null && m.sectorId() != null) {
                bySector.computeIfAbsent(m.sectorId(), k -> new long[6])[5]++;
            }
            byType.computeIfAbsent(s.type(), k -> new long[6])[5]++;
        }
        return new Figures(y,
                rows(byMember, id -> people.containsKey(id) ? people.get(id).name() : String.valueOf(id)),
                rows(bySector, id -> sectors.getOrDefault(id, String.valueOf(id))),
                rows(byType, t -> messages.get("activity.type." + t.name())));
    }

    private static void add(long[] c, AttendanceStatus status) {
        c[0]++;
        switch (status) {
            case PRESENT -> c[1]++;
            case ON_LEAVE -> c[2]++;
            case ABSENT -> c[3]++;
            case INVITED -> c[4]++;
        }
    }

    private static <K> List<Counts> rows(Map<K, long[]> map, Function<K, String> label) {
        List<Counts> out = new ArrayList<>();
        map.forEach((k, c) -> out.add(new Counts(String.valueOf(k instanceof Enum<?> e ? e.name() : k), label.apply(k),
                c[0], c[1], c[2], c[3], c[4], c[5], rate(c[1], c[0] - c[2]))));
        return out;
    }

    /** Share of present among those expected (invited less excused), rounded to 3 decimals. */
    static Double rate(long present, long expected) {
        return expected <= 0 ? null : Math.round(1000.0 * present / expected) / 1000.0;
    }

    byte[] xlsx(Integer year) {
        Figures f = figures(year);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(wb, messages.get("activity.stats.byMember"), messages.get("activity.stats.member"), f.byMember());
            sheet(wb, messages.get("activity.stats.bySector"), messages.get("activity.stats.sector"), f.bySector());
            sheet(wb, messages.get("activity.stats.byType"), messages.get("activity.stats.type"), f.byType());
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sheet(XSSFWorkbook wb, String name, String first, List<Counts> rows) {
        Sheet sheet = wb.createSheet(name);
        Row head = sheet.createRow(0);
        String[] titles = {first, messages.get("activity.stats.invited"), messages.get("activity.stats.present"),
                messages.get("activity.stats.onLeave"), messages.get("activity.stats.absent"),
                messages.get("activity.stats.speeches"), messages.get("activity.stats.rate")};
        for (int i = 0; i < titles.length; i++) {
            head.createCell(i).setCellValue(titles[i]);
        }
        int r = 1;
        for (Counts c : rows) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(c.label());
            row.createCell(1).setCellValue(c.invited());
            row.createCell(2).setCellValue(c.present());
            row.createCell(3).setCellValue(c.onLeave());
            row.createCell(4).setCellValue(c.absent());
            row.createCell(5).setCellValue(c.speeches());
            if (c.rate() != null) {
                row.createCell(6).setCellValue(c.rate());
            }
        }
    }

    @Override
    @Transactional
    public Long plan(ActivityType type, String title, java.time.Instant startsAt, java.time.Instant endsAt, String location,
                     List<Long> invitedMemberIds) {
        return service.create(new ActivityService.ActivityForm(type, title, startsAt, endsAt, location, null, null, null,
                invitedMemberIds, false, false, List.of(), List.of())).id();
    }
}
