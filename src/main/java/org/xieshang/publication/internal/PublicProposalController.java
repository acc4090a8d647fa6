package org.xieshang.publication.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.proposal.PublishedProposals;
import org.xieshang.proposal.PublishedProposals.PublicCase;
import org.xieshang.proposal.PublishedProposals.PublicSummary;
import org.xieshang.shared.PageResponse;

/**
 * Published proposals and their replies, without signing in (DESIGN §6 "Public"). The committee
 * is {@code ?committee=<id>}, by default the installation's first (see {@link PublicCommittee}).
 */
@RestController
@RequestMapping("/api/v1/public/proposals")
@Tag(name = "Public")
class PublicProposalController {

    private final PublishedProposals proposals;
    private final PublicCommittee committees;

    PublicProposalController(PublishedProposals proposals, PublicCommittee committees) {
        this.proposals = proposals;
        this.committees = committees;
    }

    @Operation(summary = "Published proposals (no login): number, title, category, unit, reply class; q is Chinese full-text")
    @GetMapping
    PageResponse<PublicSummary> list(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String committee) {
        var c = committees.resolve(committee);
        return PageResponse.of(committees.callAs(c, () -> proposals.list(q, page, size)), s -> s);
    }

    @Operation(summary = "One published proposal with its approved reply (no login); 404 when not published")
    @GetMapping("/{id}")
    PublicCase detail(@PathVariable String id, @RequestParam(required = false) String committee) {
        var c = committees.resolve(committee);
        return committees.callAs(c, () -> PublicIds.find(proposals, id));
    }
}
