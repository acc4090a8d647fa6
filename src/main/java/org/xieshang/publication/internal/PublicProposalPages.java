package org.xieshang.publication.internal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.committee.Committees.CommitteeView;
import org.xieshang.proposal.PublishedProposals;
import org.xieshang.shared.web.PageController;

/**
 * The public pages (no login, DESIGN §6 "Public"): the list and search of published proposals, and
 * one proposal with its approved reply. Unpublished, confidential or unknown cases answer the 404 page.
 */
@PageController
class PublicProposalPages {

    /** As many as the signed-in case lists show. */
    static final int PAGE_SIZE = 20;

    private final PublishedProposals proposals;
    private final PublicCommittee committees;

    PublicProposalPages(PublishedProposals proposals, PublicCommittee committees) {
        this.proposals = proposals;
        this.committees = committees;
    }

    @GetMapping("/public")
    String home() {
        return "redirect:/public/proposals";
    }

    @GetMapping("/public/proposals")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
                @RequestParam(required = false) String committee, Model model) {
        CommitteeView c = committees.resolve(committee);
        var found = committees.callAs(c, () -> proposals.list(q, PublicIds.number(page), PAGE_SIZE));
        model.addAttribute("listing", PublicPageViews.Listing.of(c.name(), found, q, kept(committee)));
        return "publication/public_list";
    }

    @GetMapping("/public/proposals/{id}")
    String detail(@PathVariable String id, @RequestParam(required = false) String committee, Model model) {
        CommitteeView c = committees.resolve(committee);
        var found = committees.callAs(c, () -> PublicIds.find(proposals, id));
        model.addAttribute("view", new PublicPageViews.CasePage(c.name(), found, kept(committee)));
        return "publication/public_case";
    }

    /** The committee parameter to keep on links: only a valid one reaches here, as digits. */
    private static String kept(String committee) {
        return committee == null || committee.isBlank() ? null : String.valueOf(PublicIds.parse(committee.strip()));
    }
}
