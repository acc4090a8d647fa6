package org.xieshang.assessment.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.InvalidInput;

/** The office's duty record rebuild (backfill after an upgrade), docs/dutyfig.md. */
@RestController
@Tag(name = "Assessment")
class DutyRebuildController {

    record RebuildBody(LocalDate from, LocalDate to, Boolean background) {
    }

    record Items<T>(List<T> items) {
    }

    private final DutyRebuildService rebuilds;
    private final RunTasks tasks;

    DutyRebuildController(DutyRebuildService rebuilds, RunTasks tasks) {
        this.rebuilds = rebuilds;
        this.tasks = tasks;
    }

    @PostMapping("/api/v1/assessment/rebuilds")
    @Operation(summary = "Rebuilds the duty record of [from, to] from the source modules (ADMIN); idempotent by source. "
            + "202 at once with a background job (poll GET .../rebuilds/{id}); \"background\":false computes it first (201); "
            + "409 while another rebuild runs")
    ResponseEntity<DutyRebuildService.RebuildView> start(@RequestBody(required = false) RebuildBody body) {
        if (body == null) {
            throw InvalidInput.field("from", "validation.required");
        }
        Long id = rebuilds.start(body.from(), body.to());
        if (!Boolean.FALSE.equals(body.background()) && tasks.scheduleRebuild(CurrentUsers.require().committeeId(), id)) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.get(id));
        }
        rebuilds.compute(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(rebuilds.get(id));
    }

    @GetMapping("/api/v1/assessment/rebuilds")
    @Operation(summary = "The latest 20 rebuilds, newest first (ADMIN)")
    Items<DutyRebuildService.RebuildView> list() {
        return new Items<>(rebuilds.latest(20));
    }

    @GetMapping("/api/v1/assessment/rebuilds/{id}")
    @Operation(summary = "A rebuild with its progress: factsDone of factsTotal, entries before and after (ADMIN)")
    DutyRebuildService.RebuildView get(@PathVariable Long id) {
        return rebuilds.get(id);
    }
}
