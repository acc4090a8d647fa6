package org.xieshang.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.assessment.AssessmentFigures;
import org.xieshang.assessment.DutyKind;
import org.xieshang.document.Spreadsheets;
import org.xieshang.document.WordDocument;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Forbidden;

/** The assessment API of API.md ("Assessment"): rules, runs, duty record, actions, resignation. */
@RestController
@Tag(name = "Assessment")
class AssessmentApiController {

    record RulesBody(Integer year, Integer basePoints, List<PointsRules.Item> items, List<PointsRules.GradeLine> grades,
                     Long version) {
    }

    record RunBody(LocalDate from, LocalDate to, Boolean background) {
    }

    record ManualBody(DutyKind kind, LocalDate date, String description, Integer points) {
    }

    record ActionBody(MemberAction.Type type, String reason, LocalDate date) {
    }

    record ResignationBody(String reason) {
    }

    record ApproveBody(String meeting, LocalDate date, Long version) {
    }

    record Items<T>(List<T> items) {
    }

    private final RulesService rules;
    private final RunService runs;
    private final RunTasks tasks;
    private final RunExports exports;
    private final DutyRecordService record;
    private final ConsequenceService consequences;
    private final StandingService standing;

    AssessmentApiController(RulesService rules, RunService runs, RunTasks tasks, RunExports exports,
                            DutyRecordService record, ConsequenceService consequences, StandingService standing) {
        this.rules = rules;
        this.runs = runs;
        this.tasks = tasks;
        this.exports = exports;
        this.record = record;
        this.consequences = consequences;
        this.standing = standing;
    }

    @GetMapping("/api/v1/assessment/rules")
    @Operation(summary = "The points rules of a year (ADMIN); the defaults until set")
    RulesService.RulesView rules(@RequestParam(required = false) Integer year) {
        return rules.view(year);
    }

    @PutMapping("/api/v1/assessment/rules")
    @Operation(summary = "Sets the points rules of a year (ADMIN); 400 for invalid items or grade thresholds")
    RulesService.RulesView putRules(@RequestParam(required = false) Integer year, @RequestBody RulesBody body) {
        return rules.put(year, body == null ? null : new PointsRules(body.year(), body.basePoints(), body.items(),
                body.grades()), body == null ? null : body.version());
    }

    @PostMapping("/api/v1/assessment/runs")
    @Operation(summary = "Assesses all serving members over [from, to] (ADMIN): 201 with the results; with "
            + "\"background\":true 202 at once, computed by a background job (poll GET .../runs/{id})")
    ResponseEntity<RunService.RunView> run(@RequestBody RunBody body) {
        if (body == null) {
            throw org.xieshang.shared.error.InvalidInput.field("from", "validation.required");
        }
        Long id = runs.start(body.from(), body.to());
        if (Boolean.TRUE.equals(body.background()) && tasks.schedule(CurrentUsers.require().committeeId(), id)) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.get(id));
        }
        runs.compute(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(runs.get(id));
    }

    @GetMapping("/api/v1/assessment/runs")
    @Operation(summary = "Earlier runs, newest first (ADMIN, PROPOSAL_STAFF, leaders)")
    Items<RunService.RunSummary> runs() {
        return new Items<>(runs.list());
    }

    @GetMapping("/api/v1/assessment/runs/{id}")
    @Operation(summary = "A run as it was computed: rules snapshot, per member total, grade and breakdown")
    RunService.RunView runById(@PathVariable Long id) {
        return runs.get(id);
    }

    @GetMapping("/api/v1/assessment/runs/{id}/consequences")
    @Operation(summary = "Members for the chair's meeting: UNQUALIFIED or repeatedly absent without leave")
    Items<RunService.ConsequenceView> chairList(@PathVariable Long id) {
        return new Items<>(runs.consequences(id));
    }

    @GetMapping("/api/v1/assessment/runs/{id}/export")
    @Operation(summary = "The run as .xlsx: one row per member, one column per item")
    ResponseEntity<byte[]> export(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".xlsx\"")
                .body(exports.xlsx(runs.get(id)));
    }

    @GetMapping("/api/v1/assessment/runs/{id}/notice")
    @Operation(summary = "The yearly 通报 of the run as .docx")
    ResponseEntity<byte[]> notice(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(WordDocument.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".docx\"")
                .body(exports.notice(runs.get(id), runs.consequences(id)));
    }

    @GetMapping("/api/v1/assessment/mine")
    @Operation(summary = "The signed-in member's points this year against the pass mark, and what is missing")
    StandingService.Standing mine() {
        return standing.mine();
    }

    @GetMapping("/api/v1/assessment/figures")
    @Operation(summary = "Consequence figures within [from, to] (ADMIN, PROPOSAL_STAFF, leaders)")
    AssessmentFigures.Figures figures(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (!AssessmentAccess.seesAll(CurrentUsers.require())) {
            throw new Forbidden();
        }
        return consequences.between(from, to);
    }

    @GetMapping("/api/v1/members/{id}/duty-record")
    @Operation(summary = "A member's duty record (ADMIN, PROPOSAL_STAFF, leaders, the member)")
    DutyRecordService.RecordView dutyRecord(@PathVariable Long id, @RequestParam(required = false) LocalDate from,
                                            @RequestParam(required = false) LocalDate to) {
        return record.record(id, from, to);
    }

    @PostMapping(path = "/api/v1/members/{id}/duty-record", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A manual entry (ADMIN): {kind: MANUAL, date, description, points}")
    DutyRecordService.EntryView manual(@PathVariable Long id, @RequestBody ManualBody body) {
        return record.manual(id, body == null ? null
                : new DutyRecordService.ManualForm(body.kind(), body.date(), body.description(), body.points()), null);
    }

    @PostMapping(path = "/api/v1/members/{id}/duty-record", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A manual entry with an evidence file (ADMIN): multipart date, description, points, file")
    DutyRecordService.EntryView manualWithEvidence(@PathVariable Long id, @RequestParam(required = false) DutyKind kind,
                                                   @RequestParam(required = false) LocalDate date,
                                                   @RequestParam(required = false) String description,
                                                   @RequestParam(required = false) Integer points,
                                                   @RequestPart(name = "file", required = false) MultipartFile file) {
        return record.manual(id, new DutyRecordService.ManualForm(kind, date, description, points), file);
    }

    @GetMapping("/api/v1/members/{id}/duty-record/{entryId}/evidence")
    @Operation(summary = "The evidence file of a manual entry")
    ResponseEntity<Resource> evidence(@PathVariable Long id, @PathVariable Long entryId) throws IOException {
        DutyRecordService.Evidence e = record.evidence(id, entryId);
        return download(e.path(), e.filename(), e.contentType());
    }

    @PostMapping("/api/v1/members/{id}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "WARNING (→ WARNED), PERSUADE_TO_RESIGN (→ PERSUADED_TO_RESIGN) or ADMONISHMENT_TALK (ADMIN)")
    ConsequenceService.ActionView act(@PathVariable Long id, @RequestBody ActionBody body) {
        return body == null ? consequences.act(id, null, null, null)
                : consequences.act(id, body.type(), body.reason(), body.date());
    }

    @GetMapping("/api/v1/members/{id}/actions")
    @Operation(summary = "The member's actions, newest first (ADMIN, PROPOSAL_STAFF, leaders, the member)")
    Items<ConsequenceService.ActionView> actions(@PathVariable Long id) {
        return new Items<>(consequences.actions(id));
    }

    @PostMapping(path = "/api/v1/members/{id}/actions/{actionId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A document of an action, e.g. the talk's minutes (ADMIN)")
    ConsequenceService.DocumentView attach(@PathVariable Long id, @PathVariable Long actionId,
                                           @RequestPart(name = "file", required = false) MultipartFile file) {
        return consequences.attach(id, actionId, file);
    }

    @GetMapping("/api/v1/members/{id}/actions/{actionId}/documents/{documentId}")
    ResponseEntity<Resource> document(@PathVariable Long id, @PathVariable Long actionId, @PathVariable Long documentId)
            throws IOException {
        ConsequenceService.Stored s = consequences.document(id, actionId, documentId);
        return download(s.path(), s.filename(), s.contentType());
    }

    @PostMapping("/api/v1/members/{id}/resignation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The member asks to resign (the member only); 409 while a request is open")
    ConsequenceService.ResignationView resign(@PathVariable Long id, @RequestBody(required = false) ResignationBody body) {
        return consequences.request(id, body == null ? null : body.reason());
    }

    @GetMapping("/api/v1/members/{id}/resignation")
    @Operation(summary = "The member's resignation requests (ADMIN, PROPOSAL_STAFF, leaders, the member)")
    Items<ConsequenceService.ResignationView> resignations(@PathVariable Long id) {
        return new Items<>(consequences.resignations(id));
    }

    @PostMapping("/api/v1/members/{id}/resignation/approve")
    @Operation(summary = "The office approves after the standing committee meeting {meeting, date} (ADMIN) → RESIGNED")
    ConsequenceService.ResignationView approve(@PathVariable Long id, @RequestBody(required = false) ApproveBody body) {
        return body == null ? consequences.approve(id, null, null, null)
                : consequences.approve(id, body.meeting(), body.date(), body.version());
    }

    static ResponseEntity<Resource> download(java.nio.file.Path path, String filename, String contentType)
            throws IOException {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType == null ? "application/octet-stream" : contentType))
                .contentLength(Files.size(path))
                .body(new FileSystemResource(path));
    }
}
