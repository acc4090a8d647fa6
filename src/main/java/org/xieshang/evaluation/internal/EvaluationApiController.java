package org.xieshang.evaluation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.document.WordDocument;
import org.xieshang.evaluation.internal.EvaluationService.BallotSheet;
import org.xieshang.evaluation.internal.EvaluationService.Candidates;
import org.xieshang.evaluation.internal.EvaluationService.DimensionForm;
import org.xieshang.evaluation.internal.EvaluationService.EvaluationForm;
import org.xieshang.evaluation.internal.EvaluationService.EvaluationSummary;
import org.xieshang.evaluation.internal.EvaluationService.EvaluationView;
import org.xieshang.evaluation.internal.EvaluationService.External;
import org.xieshang.evaluation.internal.EvaluationService.GroupForm;
import org.xieshang.evaluation.internal.EvaluationService.GroupView;
import org.xieshang.evaluation.internal.EvaluationService.IssuedCode;
import org.xieshang.evaluation.internal.EvaluationService.Results;
import org.xieshang.shared.web.LanguageConfig;

/** Democratic evaluation API (API.md, "evaluations"). */
@RestController
@Tag(name = "Democratic evaluation")
class EvaluationApiController {

    record EvaluationBody(Integer year, Long termId, List<Long> unitIds, String meeting, LocalDate decisionDate,
                          List<DimensionForm> dimensions, Boolean proposalHandlingFromStats) {
    }

    record SettingsBody(Boolean proposalHandlingFromStats, Long version) {
    }

    record GroupBody(Long unitId, Long leaderMemberId, List<Long> memberIds, List<External> externalParticipants) {
    }

    record BallotBody(Long unitId, Map<String, Integer> scores) {
    }

    record CodeBallotBody(Map<String, Integer> scores) {
    }

    record PaperBallotBody(String code, Map<String, Integer> scores) {
    }

    record CodesBody(Long unitId, Integer count) {
    }

    record ActivityBody(Long activityId, org.xieshang.activity.ActivityType type, String title,
                        java.time.Instant startsAt, java.time.Instant endsAt, String location) {
    }

    record Items<T>(List<T> items) {
    }

    private final EvaluationService service;
    private final EvaluationBulletins publishing;
    private final PublicScope scope;

    EvaluationApiController(EvaluationService service, EvaluationBulletins publishing, PublicScope scope) {
        this.service = service;
        this.publishing = publishing;
        this.scope = scope;
    }

    @GetMapping("/api/v1/evaluations/candidates")
    @Operation(summary = "Proposed units for a year (ADMIN): not yet evaluated in the term first, spread across unit types")
    Candidates candidates(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer count,
                          @RequestParam(required = false) Long termId) {
        return service.candidates(year, count, termId);
    }

    @PostMapping("/api/v1/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the standing committee's decision (ADMIN); 409 for a unit already evaluated in the term")
    EvaluationView create(@RequestBody EvaluationBody body) {
        return service.create(new EvaluationForm(body.year(), body.termId(), body.unitIds(), body.meeting(),
                body.decisionDate(), body.dimensions(), body.proposalHandlingFromStats()));
    }

    @PutMapping("/api/v1/evaluations/{id}/settings")
    @Operation(summary = "The year's setting (ADMIN): proposal handling scored from the units' proposal figures; "
            + "until the first ballot (409 after, when published or stale)")
    EvaluationView settings(@PathVariable Long id, @RequestBody SettingsBody body) {
        return service.settings(id, body == null ? null : body.proposalHandlingFromStats(), body == null ? null : body.version());
    }

    @GetMapping("/api/v1/evaluations")
    @Operation(summary = "Every evaluation, the newest first (ADMIN, leaders)")
    Items<EvaluationSummary> list() {
        return new Items<>(service.list());
    }

    @GetMapping("/api/v1/evaluations/{id}")
    @Operation(summary = "The whole record: units, groups, ballots counted, status (ADMIN, leaders)")
    EvaluationView get(@PathVariable Long id) {
        return service.get(id);
    }

    @PostMapping("/api/v1/evaluations/{id}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A group for one unit, led by a vice-chair (ADMIN); 409 for a second group of the unit")
    GroupView group(@PathVariable Long id, @RequestBody GroupBody body) {
        return service.addGroup(id, new GroupForm(body.unitId(), body.leaderMemberId(), body.memberIds(),
                body.externalParticipants()));
    }

    @PostMapping("/api/v1/evaluations/{id}/groups/{groupId}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A research visit or symposium of a group (ADMIN): {activityId} links an existing activity;"
            + " {type: RESEARCH|CONSULTATION, title, startsAt, endsAt, location} plans one inviting the group")
    GroupView activity(@PathVariable Long id, @PathVariable Long groupId, @RequestBody ActivityBody body) {
        return service.linkActivity(id, groupId, body.activityId(), body.activityId() != null ? null
                : new EvaluationService.VisitForm(body.type(), body.title(), body.startsAt(), body.endsAt(), body.location()));
    }

    @PostMapping("/api/v1/evaluations/{id}/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A group member's ballot for the unit; scores 0–100 per dimension; once per member and unit (409)")
    Map<String, Object> ballot(@PathVariable Long id, @RequestBody BallotBody body) {
        service.vote(id, body.unitId(), body.scores());
        return Map.of("counted", true);
    }

    @PostMapping("/api/v1/evaluations/{id}/ballot-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "One-time codes for printed ballot sheets of a unit (ADMIN)")
    Items<IssuedCode> codes(@PathVariable Long id, @RequestBody CodesBody body) {
        return new Items<>(service.issueCodes(id, body.unitId(), body.count()));
    }

    @PostMapping("/api/v1/evaluations/{id}/paper-ballots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The office enters a paper ballot by its sheet's code (ADMIN); the code then is used (409 on reuse)")
    Map<String, Object> paper(@PathVariable Long id, @RequestBody PaperBallotBody body) {
        service.find(id);
        service.voteWithCode(body.code(), body.scores(), true);
        return Map.of("counted", true);
    }

    @GetMapping("/api/v1/evaluations/{id}/results")
    @Operation(summary = "Weighted score, per-dimension averages and ranking (ADMIN, leaders; anyone once published)")
    Results results(@PathVariable Long id, @RequestParam(required = false) String committee) {
        return scope.call(committee, () -> service.results(id));
    }

    @PostMapping("/api/v1/evaluations/{id}/publish")
    @Operation(summary = "Publish the results (ADMIN): public pages, a bulletin to leaders; 409 when already published")
    EvaluationView publish(@PathVariable Long id) {
        publishing.publish(id);
        return service.get(id);
    }

    @GetMapping("/api/v1/evaluations/{id}/announcement.docx")
    @Operation(summary = "The announcement (通报) as .docx (ADMIN, leaders; anyone once published)")
    ResponseEntity<byte[]> announcement(@PathVariable Long id, @RequestParam(required = false) String committee,
                                        jakarta.servlet.http.HttpServletRequest request) {
        byte[] docx = scope.call(committee, () -> publishing.announcement(id, LanguageConfig.resolve(request)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(WordDocument.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation-" + id + ".docx\"").body(docx);
    }

    @GetMapping("/api/v1/public/ballots/{code}")
    @Operation(summary = "The ballot sheet behind a one-time code (no sign-in); a forged code is 404")
    BallotSheet sheet(@PathVariable String code) {
        return scope.byCode(code, () -> service.sheet(code));
    }

    @PostMapping("/api/v1/public/ballots/{code}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Vote with a one-time code (no sign-in): works once, a second use is 409, a forged code 404")
    Map<String, Object> voteWithCode(@PathVariable String code, @RequestBody CodeBallotBody body) {
        scope.byCode(code, () -> {
            service.voteWithCode(code, body.scores(), false);
            return null;
        });
        return Map.of("counted", true);
    }
}
