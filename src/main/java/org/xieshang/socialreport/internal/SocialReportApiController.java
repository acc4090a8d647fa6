package org.xieshang.socialreport.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.document.Spreadsheets;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;
import org.xieshang.socialreport.AdoptionLevel;
import org.xieshang.socialreport.internal.SocialReportFigures.Figures;
import org.xieshang.socialreport.internal.SocialReportService.AttachmentView;
import org.xieshang.socialreport.internal.SocialReportService.CommentView;
import org.xieshang.socialreport.internal.SocialReportService.Filter;
import org.xieshang.socialreport.internal.SocialReportService.ReportForm;
import org.xieshang.socialreport.internal.SocialReportService.ReportSummary;
import org.xieshang.socialreport.internal.SocialReportService.ReportView;

/** Social-conditions reports API (API.md, "social-reports"); everything under /api/v1/social-reports. */
@RestController
@RequestMapping("/api/v1/social-reports")
@Tag(name = "Social-conditions reports")
class SocialReportApiController {

    record ReportBody(String title, String content, String category) {
    }

    record EditBody(String title, String content, String category, Long version) {
    }

    record AdoptBody(AdoptionLevel level, Long version) {
    }

    record RejectBody(String reason, Long version) {
    }

    record CommentBody(String content) {
    }

    private final SocialReportService reports;
    private final SocialReportFigures figures;
    private final SocialReportAttachments attachments;

    SocialReportApiController(SocialReportService reports, SocialReportFigures figures,
                              SocialReportAttachments attachments) {
        this.reports = reports;
        this.figures = figures;
        this.attachments = attachments;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member writes a report (MEMBER); status SUBMITTED")
    ReportView submit(@RequestBody ReportBody body) {
        return reports.submit(new ReportForm(body.title(), body.content(), body.category()));
    }

    @GetMapping
    @Operation(summary = "Reports the caller may see (author: own; staff, ADMIN, CPPCC leaders: all; LEADER_GOV: adopted); q is Chinese full-text")
    PageResponse<ReportSummary> list(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) ReportStatus status,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Long memberId,
                                     @RequestParam(required = false) Long sectorId,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(defaultValue = "false") boolean mine,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(reports.list(new Filter(q, status, year, memberId, sectorId, category, mine),
                Paging.of(page, size, Sort.unsorted())), r -> r);
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable Long id) {
        return reports.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "The office edits a submitted report (PROPOSAL_STAFF); the original is kept; 409 once decided")
    ReportView edit(@PathVariable Long id, @RequestBody EditBody body) {
        return reports.edit(id, new ReportForm(body.title(), body.content(), body.category()), body.version());
    }

    @PostMapping("/{id}/adopt")
    @Operation(summary = "Adopt at a level (PROPOSAL_STAFF); DISTRICT by default; 409 once decided")
    ReportView adopt(@PathVariable Long id, @RequestBody(required = false) AdoptBody body) {
        return reports.adopt(id, body == null ? null : body.level(), body == null ? null : body.version());
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Refuse with a reason (PROPOSAL_STAFF) → NOT_ADOPTED; 409 once decided")
    ReportView reject(@PathVariable Long id, @RequestBody RejectBody body) {
        return reports.reject(id, body.reason(), body.version());
    }

    @PostMapping("/{id}/withdraw-adoption")
    @Operation(summary = "Withdraw an adoption made in error, with a reason (PROPOSAL_STAFF) → SUBMITTED; 409 unless adopted")
    ReportView withdrawAdoption(@PathVariable Long id, @RequestBody RejectBody body) {
        return reports.withdrawAdoption(id, body.reason(), body.version());
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A leader's comment (批示) on an adopted report (LEADER_CPPCC, LEADER_GOV); 409 unless adopted")
    CommentView comment(@PathVariable Long id, @RequestBody CommentBody body) {
        return reports.comment(id, body.content());
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file (the author while SUBMITTED, PROPOSAL_STAFF); 409 once decided")
    AttachmentView attach(@PathVariable Long id, @RequestPart("file") MultipartFile file) {
        return attachments.add(id, file);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attached file (whoever may read the report)")
    ResponseEntity<Resource> attachment(@PathVariable Long id, @PathVariable Long attachmentId) throws IOException {
        return download(attachments.get(id, attachmentId));
    }

    static ResponseEntity<Resource> download(SocialReportAttachments.Stored stored) throws IOException {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .contentLength(Files.size(stored.path()))
                .body(new FileSystemResource(stored.path()));
    }

    @GetMapping("/figures")
    @Operation(summary = "Yearly figures per member and sector (ADMIN, PROPOSAL_STAFF, LEADER_CPPCC)")
    Figures figures(@RequestParam(required = false) Integer year) {
        return figures.figures(year);
    }

    @GetMapping("/figures/export")
    @Operation(summary = "The yearly figures as .xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
        byte[] xlsx = figures.export(year);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"social-reports.xlsx\"")
                .body(xlsx);
    }
}
