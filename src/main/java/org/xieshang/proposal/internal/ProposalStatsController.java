package org.xieshang.proposal.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
}
