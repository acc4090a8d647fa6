package org.xieshang.evaluation.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.document.Spreadsheets;
import org.xieshang.evaluation.internal.TownshipService.AssessmentForm;
import org.xieshang.evaluation.internal.TownshipService.AssessmentSummary;
import org.xieshang.evaluation.internal.TownshipService.AssessmentView;
import org.xieshang.evaluation.internal.TownshipService.Chart;
import org.xieshang.evaluation.internal.TownshipService.CriterionForm;
import org.xieshang.evaluation.internal.TownshipService.EvidenceView;
import org.xieshang.evaluation.internal.TownshipService.ResultRow;
import org.xieshang.shared.web.LanguageConfig;

/** Township and street assessment API (API.md, "township-assessments"). */
@RestController
@Tag(name = "Township assessment")
class TownshipApiController {

    record AssessmentBody(Integer year, BigDecimal weight, List<CriterionForm> criteria) {
    }

    record ScoreBody(Long unitId, Map<String, BigDecimal> criterionScores) {
    }

    record Items<T>(List<T> items) {
    }

    private final TownshipService service;

    TownshipApiController(TownshipService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/township-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A year's checklist and weight (ADMIN); the seed's four items by default; 409 for a second one of the year")
    AssessmentView create(@RequestBody AssessmentBody body) {
        return service.create(new AssessmentForm(body.year(), body.weight(), body.criteria()));
    }

    @GetMapping("/api/v1/township-assessments")
    @Operation(summary = "Every year's assessment (ADMIN, leaders)")
    Items<AssessmentSummary> list() {
        return new Items<>(service.list());
    }

    @GetMapping("/api/v1/township-assessments/chart")
    @Operation(summary = "Each township's weighted score across years (ADMIN, leaders)")
    Chart chart() {
        return service.chart();
    }

    @GetMapping("/api/v1/township-assessments/{id}")
    @Operation(summary = "The whole record: checklist, points and evidence per township, results (ADMIN, leaders)")
    AssessmentView get(@PathVariable Long id) {
        return service.get(id);
    }

    @PostMapping("/api/v1/township-assessments/{id}/scores")
    @Operation(summary = "A township's points per checklist item (ADMIN); replaces earlier points")
    ResultRow score(@PathVariable Long id, @RequestBody ScoreBody body) {
        return service.score(id, body.unitId(), body.criterionScores());
    }

    @GetMapping("/api/v1/township-assessments/{id}/results")
    @Operation(summary = "Raw and weighted score per township, ranked (ADMIN, leaders)")
    List<ResultRow> results(@PathVariable Long id) {
        return service.results(id);
    }

    @GetMapping("/api/v1/township-assessments/{id}/export")
    @Operation(summary = "The year's results as .xlsx (ADMIN, leaders)")
    ResponseEntity<byte[]> export(@PathVariable Long id, jakarta.servlet.http.HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"township-assessment-" + id + ".xlsx\"")
                .body(service.export(id, LanguageConfig.resolve(request)));
    }

    @PostMapping(path = "/api/v1/township-assessments/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An evidence file for a township (ADMIN)")
    EvidenceView evidence(@PathVariable Long id, @RequestParam(required = false) Long unitId,
                          @RequestPart("file") MultipartFile file) {
        return service.addEvidence(id, unitId, file);
    }

    @GetMapping("/api/v1/township-assessments/{id}/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file (ADMIN, leaders)")
    ResponseEntity<Resource> download(@PathVariable Long id, @PathVariable Long evidenceId) throws IOException {
        TownshipService.Stored s = service.evidenceFile(id, evidenceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(s.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(s.contentType()))
                .contentLength(Files.size(s.path()))
                .body(new FileSystemResource(s.path()));
    }
}
