package org.xieshang.activity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.activity.ActivityType;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.activity.internal.ActivityService.ActivityForm;
import org.xieshang.activity.internal.ActivityService.ActivityView;
import org.xieshang.activity.internal.ActivityService.AttendanceItem;
import org.xieshang.activity.internal.ActivityService.ChangeView;
import org.xieshang.activity.internal.ActivityService.IssuedCode;
import org.xieshang.activity.internal.ActivityService.LeaveView;
import org.xieshang.activity.internal.ActivityService.Mine;
import org.xieshang.activity.internal.ActivityService.SpeechView;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;

/** Activities API (API.md, "Assessment, democratic evaluation, activities"); everything under /api/v1/activities. */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities")
class ActivityApiController {

    record CreateBody(ActivityType type, String title, Instant startsAt, Instant endsAt, String location, String organiser,
                      String description, String agenda, List<Long> invitedMemberIds, Boolean inviteAllMembers,
                      Boolean inviteStandingCommittee, List<Long> invitedSectorIds, List<Long> invitedSpecialCommitteeIds) {
        ActivityForm form() {
            return new ActivityForm(type, title, startsAt, endsAt, location, organiser, description, agenda, invitedMemberIds,
                    Boolean.TRUE.equals(inviteAllMembers), Boolean.TRUE.equals(inviteStandingCommittee), invitedSectorIds,
                    invitedSpecialCommitteeIds);
        }
    }

    record LeaveBody(String reason, Long memberId) {
    }

    record CheckInBody(Long memberId, String code) {
    }

    record DecisionBody(Boolean approve, String reason) {
    }

    record CorrectionBody(AttendanceStatus status, String reason) {
    }

    record SpeechBody(Long memberId, String topic) {
    }

    record Items<T>(List<T> items) {
    }

    private final ActivityService activities;
    private final ActivityFeed feed;
    private final AttendanceStatistics statistics;
    private final ActivityOutcomes outcomes;

    ActivityApiController(ActivityService activities, ActivityFeed feed, AttendanceStatistics statistics,
                          ActivityOutcomes outcomes) {
        this.activities = activities;
        this.feed = feed;
        this.statistics = statistics;
        this.outcomes = outcomes;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan an activity and invite members one by one and/or by group (office)")
    ActivityView create(@RequestBody CreateBody body) {
        return activities.create(body.form());
    }

    @GetMapping
    PageResponse<ActivityView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(activities.list(Paging.of(page, size, Sort.unsorted())), a -> a);
    }

    @GetMapping("/mine")
    @Operation(summary = "The signed-in member's activities that have not ended, soonest first")
    Items<Mine> mine() {
        return new Items<>(activities.mine());
    }

    @GetMapping("/feed-link")
    @Operation(summary = "The signed-in member's signed calendar (.ics) feed link")
    Map<String, String> feedLink() {
        return Map.of("url", feed.linkForCurrentMember());
    }

    @GetMapping("/statistics")
    @Operation(summary = "Attendance figures of a year by member, sector and type (office, CPPCC leaders)")
    AttendanceStatistics.Figures statistics(@RequestParam(required = false) Integer year) {
        return statistics.figures(year);
    }

    @GetMapping("/statistics/export")
    @Operation(summary = "The same figures as .xlsx (sheets by member, sector, type)")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
        byte[] xlsx = statistics.xlsx(year);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"activity-attendance.xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    @GetMapping("/{id}")
    ActivityView get(@PathVariable Long id) {
        return activities.get(id);
    }

    @PostMapping("/{id}/leave-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for leave (invited member, or the office with memberId); 403 not invited, 409 repeated")
    LeaveView leave(@PathVariable Long id, @RequestBody LeaveBody body) {
        return activities.requestLeave(id, body.memberId(), body.reason());
    }

    @GetMapping("/{id}/leave-requests")
    Items<LeaveView> leaves(@PathVariable Long id) {
        return new Items<>(activities.leaveRequests(id));
    }

    @PostMapping("/{id}/leave-requests/{requestId}/decision")
    @Operation(summary = "Approve or refuse (with reason) a leave; an approved leave counts ON_LEAVE, also after the close")
    LeaveView decide(@PathVariable Long id, @PathVariable Long requestId, @RequestBody DecisionBody body) {
        return activities.decide(id, requestId, body.approve(), body.reason());
    }

    @PostMapping("/{id}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Check in (invited member, or the office with memberId; with code as from the QR code); "
            + "403 not invited or bad code, 409 outside the window or already present")
    AttendanceItem checkIn(@PathVariable Long id, @RequestBody(required = false) CheckInBody body) {
        CheckInBody b = body == null ? new CheckInBody(null, null) : body;
        return activities.checkIn(id, b.memberId(), b.code(), b.code() != null);
    }

    @GetMapping("/{id}/check-in-code")
    @Operation(summary = "The current rotating check-in code (office screen)")
    IssuedCode code(@PathVariable Long id) {
        return activities.code(id);
    }

    @GetMapping("/{id}/attendance")
    Items<AttendanceItem> attendance(@PathVariable Long id) {
        return new Items<>(activities.attendance(id));
    }

    @PostMapping("/{id}/attendance/{memberId}/correction")
    @Operation(summary = "Correct a member's attendance with a reason (kept in the history)")
    AttendanceItem correct(@PathVariable Long id, @PathVariable Long memberId, @RequestBody CorrectionBody body) {
        return activities.correct(id, memberId, body.status(), body.reason());
    }

    @GetMapping("/{id}/attendance/history")
    Items<ChangeView> history(@PathVariable Long id) {
        return new Items<>(activities.history(id));
    }

    @PostMapping("/{id}/speeches")
    @ResponseStatus(HttpStatus.CREATED)
    SpeechView speech(@PathVariable Long id, @RequestBody SpeechBody body) {
        return activities.recordSpeech(id, body.memberId(), body.topic());
    }

    @GetMapping("/{id}/speeches")
    Items<SpeechView> speeches(@PathVariable Long id) {
        return new Items<>(activities.speeches(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a planned activity before its end (office); invitees are told; 409 closed, cancelled or ended")
    ActivityView cancel(@PathVariable Long id) {
        return activities.cancel(id);
    }

    @PostMapping(path = "/{id}/outcomes", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload an outcome file (office): multipart file and kind MINUTES, PHOTO, RESEARCH_REPORT or OTHER")
    ActivityOutcomes.OutcomeView addOutcome(@PathVariable Long id, @RequestParam(required = false) String kind,
                                            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file) {
        return outcomes.add(id, kind, file);
    }

    @GetMapping("/{id}/outcomes")
    @Operation(summary = "The outcome files (whoever may read the activity)")
    Items<ActivityOutcomes.OutcomeView> outcomes(@PathVariable Long id) {
        return new Items<>(outcomes.list(id));
    }

    @GetMapping("/{id}/outcomes/{fileId}")
    @Operation(summary = "Download an outcome file (whoever may read the activity)")
    org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> outcome(@PathVariable Long id,
                                                                                          @PathVariable Long fileId)
            throws java.io.IOException {
        return download(outcomes.get(id, fileId));
    }

    static org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> download(ActivityOutcomes.Stored stored)
            throws java.io.IOException {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(stored.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(stored.contentType()))
                .contentLength(java.nio.file.Files.size(stored.path()))
                .body(new org.springframework.core.io.FileSystemResource(stored.path()));
    }
}
