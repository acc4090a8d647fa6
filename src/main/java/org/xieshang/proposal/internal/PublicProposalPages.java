package org.xieshang.proposal.internal;

import static org.xieshang.proposal.internal.PageForms.number;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.committee.Committees.CommitteeView;
import org.xieshang.shared.web.PageController;

/**
 * The public pages (no login, DESIGN §6 "Public"): the list and search of published proposals, and
 * one proposal with its approved reply. Unpublished, confidential or unknown cases answer the 404 page.
 */
@PageController
class PublicProposalPages {

    private final PublicProposals proposals;
    private final PublicCommittee committees;

    PublicProposalPages(PublicProposals proposals, PublicCommittee committees) {
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
        var found = committees.callAs(c, () -> proposals.list(q, number(page), ProposalPages.PAGE_SIZE));
        model.addAttribute("listing", PublicPageViews.Listing.of(c.name(), found, q, kept(committee)));
        return "proposal/public_list";
    }

    @GetMapping("/public/proposals/{id}")
    String detail(@PathVariable String id, @RequestParam(required = false) String committee, Model model) {
        CommitteeView c = committees.resolve(committee);
        var found = committees.callAs(c, () -> proposals.detail(id));
        model.addAttribute("view", new PublicPageViews.CasePage(c.name(), found, kept(committee)));
        return "proposal/public_case";
    }

    /** The committee parameter to keep on links: only a valid one reaches here, as digits. */
    private static String kept(String committee) {
        return committee == null || committee.isBlank() ? null : String.valueOf(PublicProposals.parseId(committee.strip()));
    }
}
