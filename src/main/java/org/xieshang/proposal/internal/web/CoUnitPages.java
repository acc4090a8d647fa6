package org.xieshang.proposal.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.proposal.internal.handling.CoUnitFollowUp;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.PageActions;
import org.xieshang.shared.web.PageController;

/** The case page's co-unit forms (issue 17): the office enters an opinion received on paper; the lead unit reminds. */
@PageController
class CoUnitPages {

    private final CoUnitFollowUp followUp;
    private final ProposalPageQueries pages;
    private final Messages messages;

    CoUnitPages(CoUnitFollowUp followUp, ProposalPageQueries pages, Messages messages) {
        this.followUp = followUp;
        this.pages = pages;
        this.messages = messages;
    }

    @PostMapping("/proposals/{id:\\d+}/co-units/{unitId:\\d+}/paper-opinion")
    String paperOpinion(@PathVariable Long id, @PathVariable Long unitId,
                        @RequestParam(name = "file", required = false) MultipartFile file,
                        @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return act(id, "paperOpinion-" + unitId, form, model, response, redirect, () -> {
            followUp.recordPaperOpinion(id, unitId, form.getFirst("content"), file);
            return messages.get("casepages.done.paperOpinion");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/co-units/{unitId:\\d+}/reminders")
    String remind(@PathVariable Long id, @PathVariable Long unitId, @RequestParam MultiValueMap<String, String> form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "remind", form, model, response, redirect, () -> {
            followUp.remind(id, unitId);
            return messages.get("casepages.done.reminded");
        });
    }

    private String act(Long id, String name, MultiValueMap<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect, Supplier<String> action) {
        return PageActions.attempt(name, form, messages, response, redirect, action, "/proposals/" + id, failed -> {
            model.addAttribute("view", pages.casePage(id));
            model.addAttribute("failed", failed);
            return "proposal/detail";
        });
    }
}
