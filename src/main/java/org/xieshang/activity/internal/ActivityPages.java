package org.xieshang.activity.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xieshang.activity.ActivityType;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.activity.internal.ActivityService.ActivityForm;
import org.xieshang.activity.internal.ActivityService.ActivityView;
import org.xieshang.activity.internal.ActivityService.AttendanceItem;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * Activity pages: the month calendar, a member's own upcoming list (phone first), an activity's
 * page with invitees and live attendance, the new-activity form, the office's QR screen, the
 * check-in link the QR code opens, and attendance statistics.
 */
@PageController
public class ActivityPages implements NavContributor {

    /** A day cell of the month calendar (null day: padding before the 1st). */
    public record Day(LocalDate date, List<ActivityView> activities) {
    }

    /** What the new-activity form shows again after a refusal. */
    public record Draft(String type, String title, String startsAt, String endsAt, String location, String organiser,
                 String description, String agenda, List<Long> memberIds, boolean all, boolean standing,
                 List<Long> sectorIds, List<Long> specialCommitteeIds) {
        static Draft empty() {
            return new Draft("INSPECTION", "", "", "", "", "", "", "", List.of(), false, false, List.of(), List.of());
        }
    }

    private final ActivityService activities;
    private final ActivityFeed feed;
    private final AttendanceStatistics statistics;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Messages messages;
    private final ActivityOutcomes outcomes;

    ActivityPages(ActivityService activities, ActivityFeed feed, AttendanceStatistics statistics, MemberDirectory members,
                  ReferenceData reference, Messages messages, ActivityOutcomes outcomes) {
        this.activities = activities;
        this.outcomes = outcomes;
        this.feed = feed;
        this.statistics = statistics;
        this.members = members;
        this.reference = reference;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (ActivityService.seesAll(user) || user.memberId() != null) {
            items.add(new NavItem("nav.activity.calendar", "/activities", 50));
        }
        if (user.memberId() != null) {
            items.add(new NavItem("nav.activity.mine", "/activities/mine", 51));
        }
        if (user.hasAny(Role.ADMIN, Role.LEADER_CPPCC)) {
            items.add(new NavItem("nav.activity.statistics", "/activities/statistics", 52));
        }
        return items;
    }

    @GetMapping("/activities")
    String calendar(@RequestParam(required = false) String month, Model model) {
        YearMonth ym;
        try {
            ym = month == null ? YearMonth.now(activities.zone()) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("month", "validation.typeMismatch");
        }
        List<ActivityView> list = activities.month(ym);
        List<Day> days = new ArrayList<>();
        int pad = ym.atDay(1).getDayOfWeek().getValue() - 1;
        for (int i = 0; i < pad; i++) {
            days.add(new Day(null, List.of()));
        }
        for (int d = 1; d <= ym.lengthOfMonth(); d++) {
            LocalDate date = ym.atDay(d);
            days.add(new Day(date, list.stream().filter(a -> LocalDate.ofInstant(a.startsAt(), activities.zone()).equals(date))
                    .toList()));
        }
        model.addAttribute("month", ym);
        model.addAttribute("days", days);
        model.addAttribute("activities", list);
        model.addAttribute("zone", activities.zone());
        return "activity/calendar";
    }

    @GetMapping("/activities/mine")
    String mine(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("mine", activities.mine());
        model.addAttribute("feedUrl", user.memberId() == null ? null : feed.linkForCurrentMember());
        model.addAttribute("zone", activities.zone());
        return "activity/mine";
    }

    @GetMapping("/activities/new")
    String newForm(Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        return form(Draft.empty(), FormErrors.none(), model);
    }

    private String form(Draft draft, FormErrors errors, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("types", List.of(ActivityType.values()));
        model.addAttribute("members", members.all().stream().filter(m -> m.status().isServing()).toList());
        model.addAttribute("sectors", reference.sectors());
        Map<Long, String> committees = new LinkedHashMap<>();
        reference.specialCommitteeIdsByName().forEach((name, id) -> committees.put(id, name));
        model.addAttribute("specialCommittees", committees);
        return "activity/form";
    }

    @PostMapping("/activities")
    String create(@RequestParam(required = false) String type, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
                  @RequestParam(required = false) String location, @RequestParam(required = false) String organiser,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String agenda,
                  @RequestParam(required = false) List<Long> memberIds, @RequestParam(required = false) String all,
                  @RequestParam(required = false) String standing, @RequestParam(required = false) List<Long> sectorIds,
                  @RequestParam(required = false) List<Long> specialCommitteeIds, Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        Draft draft = new Draft(type, title, startsAt, endsAt, location, organiser, description, agenda, list(memberIds),
                all != null, standing != null, list(sectorIds), list(specialCommitteeIds));
        InvalidInput invalid = new InvalidInput();
        ActivityType t = null;
        try {
            t = type == null || type.isBlank() ? null : ActivityType.valueOf(type);
        } catch (IllegalArgumentException e) {
            invalid.add("type", "validation.unknownValue");
        }
        Instant s = instant(startsAt, "startsAt", invalid);
        Instant e = instant(endsAt, "endsAt", invalid);
        try {
            invalid.throwIfAny();
            ActivityView created = activities.create(new ActivityForm(t, title, s, e, location, organiser, description, agenda,
                    draft.memberIds(), draft.all(), draft.standing(), draft.sectorIds(), draft.specialCommitteeIds()));
            return "redirect:/activities/" + created.id();
        } catch (InvalidInput refused) {
            return form(draft, FormErrors.of(refused, messages), model);
        }
    }

    private Instant instant(String value, String field, InvalidInput invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(activities.zone()).toInstant();
        } catch (DateTimeParseException e) {
            invalid.add(field, "validation.typeMismatch");
            return null;
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    @GetMapping("/activities/{id}")
    String detail(@PathVariable Long id, @RequestParam(required = false) String done, Model model) {
        CurrentUser user = CurrentUsers.require();
        ActivityView a = activities.get(id);
        List<AttendanceItem> attendance = activities.attendanceForPage(id);
        model.addAttribute("a", a);
        model.addAttribute("attendance", attendance);
        model.addAttribute("counts", counts(attendance));
        model.addAttribute("office", user.has(Role.ADMIN));
        model.addAttribute("mine", attendance.stream().filter(i -> i.memberId().equals(user.memberId())).findFirst().orElse(null));
        model.addAttribute("leaves", user.has(Role.ADMIN) ? activities.leaveRequests(id) : List.of());
        model.addAttribute("history", user.has(Role.ADMIN) ? activities.history(id) : List.of());
        model.addAttribute("speeches", activities.speeches(id));
        model.addAttribute("outcomes", outcomes.list(id));
        model.addAttribute("done", done);
        model.addAttribute("zone", activities.zone());
        return "activity/detail";
    }

    /** Present, on leave, absent, not yet. */
    static long[] counts(List<AttendanceItem> items) {
        long[] c = new long[4];
        for (AttendanceItem i : items) {
            c[switch (i.status()) {
                case PRESENT -> 0;
                case ON_LEAVE -> 1;
                case ABSENT -> 2;
                case INVITED -> 3;
            }]++;
        }
        return c;
    }

    /** The live attendance list, refreshed by htmx on the activity's page. */
    @GetMapping("/activities/{id}/attendance")
    String attendance(@PathVariable Long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<AttendanceItem> attendance = activities.attendanceForPage(id);
        model.addAttribute("a", activities.get(id));
        model.addAttribute("attendance", attendance);
        model.addAttribute("counts", counts(attendance));
        model.addAttribute("office", user.has(Role.ADMIN));
        return "activity/attendance";
    }

    @PostMapping("/activities/{id}/leave")
    String leave(@PathVariable Long id, @RequestParam(required = false) String reason) {
        activities.requestLeave(id, null, reason);
        return "redirect:/activities/" + id + "?done=leave";
    }

    @PostMapping("/activities/{id}/leave-requests/{requestId}/decision")
    String decide(@PathVariable Long id, @PathVariable Long requestId, @RequestParam(required = false) String approve,
                  @RequestParam(required = false) String reason) {
        activities.decide(id, requestId, approve == null ? null : Boolean.valueOf(approve), reason);
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/tick/{memberId}")
    String tick(@PathVariable Long id, @PathVariable Long memberId) {
        CurrentUsers.requireAny(Role.ADMIN);
        activities.checkIn(id, memberId, null, false);
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/correction")
    String correct(@PathVariable Long id, @RequestParam(required = false) Long memberId, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String reason) {
        AttendanceStatus s;
        try {
            s = status == null ? null : AttendanceStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field("status", "validation.unknownValue");
        }
        activities.correct(id, memberId, s, reason);
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/speeches")
    String speech(@PathVariable Long id, @RequestParam(required = false) Long memberId,
                  @RequestParam(required = false) String topic) {
        activities.recordSpeech(id, memberId, topic);
        return "redirect:/activities/" + id;
    }

    @PostMapping("/activities/{id}/cancel")
    String cancel(@PathVariable Long id) {
        activities.cancel(id);
        return "redirect:/activities/" + id;
    }

    @PostMapping(path = "/activities/{id}/outcomes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String outcome(@PathVariable Long id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file) {
        outcomes.add(id, kind, file);
        return "redirect:/activities/" + id + "#outcomes";
    }

    @GetMapping("/activities/{id}/outcomes/{fileId}")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> outcomeFile(@PathVariable Long id,
                                                                                              @PathVariable Long fileId)
            throws java.io.IOException {
        return ActivityApiController.download(outcomes.get(id, fileId));
    }

    // --- QR check-in ---

    @GetMapping("/activities/{id}/screen")
    String screen(@PathVariable Long id, Model model) {
        model.addAttribute("a", activities.get(id));
        model.addAttribute("code", activities.code(id));
        return "activity/screen";
    }

    /** The QR image alone, swapped in by htmx every few seconds. */
    @GetMapping("/activities/{id}/screen/code")
    String screenCode(@PathVariable Long id, Model model) {
        model.addAttribute("a", activities.get(id));
        model.addAttribute("code", activities.code(id));
        return "activity/screen-code";
    }

    @GetMapping(value = "/activities/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable Long id, @RequestParam String code) throws IOException, WriterException {
        activities.code(id); // office only, and the activity exists
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/activities/" + id + "/check-in")
                .queryParam("code", URLEncoder.encode(code, StandardCharsets.UTF_8)).build(true).toUriString();
        var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 360, 360, Map.of(EncodeHintType.MARGIN, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(MediaType.IMAGE_PNG).body(out.toByteArray());
    }

    /** Opened from the QR code on a signed-in phone: checks the member in (refusals show the error page). */
    @GetMapping("/activities/{id}/check-in")
    String checkIn(@PathVariable Long id, @RequestParam(required = false) String code, Model model) {
        AttendanceItem item = activities.checkIn(id, null, code == null ? "" : code, true);
        model.addAttribute("a", activities.get(id));
        model.addAttribute("item", item);
        model.addAttribute("zone", activities.zone());
        return "activity/checked-in";
    }

    // --- statistics ---

    @GetMapping("/activities/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("figures", statistics.figures(year));
        return "activity/statistics";
    }

    @GetMapping("/activities/statistics.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
        byte[] xlsx = statistics.xlsx(year);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"activity-attendance.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    static List<String> weekdays() {
        return Arrays.asList("1", "2", "3", "4", "5", "6", "7");
    }
}
