package org.xieshang.statistics.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The year's proposal statistics (API.md; definitions in docs/decisions-stats.md). */
@RestController
@Tag(name = "Proposals")
class ProposalStatsController {

    private final ProposalStats stats;

    ProposalStatsController(ProposalStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/proposals/stats")
    ProposalStats.Stats stats(@RequestParam(required = false) Integer year) {
        return stats.of(year);
    }

    @Operation(summary = "Statistics by session, status, category, lead unit and sector, with the overdue list",
            description = "Staff, ADMIN and leaders: the whole committee; unit users: the cases their unit leads.")
    @GetMapping("/api/v1/proposals/stats/breakdown")
    ProposalStats.Breakdown breakdown(@RequestParam(required = false) Integer year,
                                      @RequestParam(required = false) Long sessionId) {
        return stats.breakdown(year, sessionId);
    }

    @Operation(summary = "The breakdown's tables as .xlsx: one sheet per table, or only ?table=summary|status|classes|"
            + "category|unit|sector|session|overdue")
    @GetMapping("/api/v1/proposals/stats/breakdown.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long sessionId,
                                    @RequestParam(required = false) String table) {
        return download(stats.workbook(year, sessionId, table));
    }

    @Operation(summary = "The yearly proposal work report (年度提案工作报告) as .docx")
    @GetMapping("/api/v1/proposals/stats/report.docx")
    ResponseEntity<byte[]> report(@RequestParam(required = false) Integer year) {
        return download(stats.report(year));
    }

    @Operation(summary = "Rebuild the committee's statistics read model from the cases (after a bulk import); ADMIN")
    @PostMapping("/api/v1/proposals/stats/rebuild")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rebuild() {
        stats.rebuild();
    }

    static ResponseEntity<byte[]> download(ProposalStats.Download file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }
}
