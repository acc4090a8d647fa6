package org.xieshang.keywork.internal;

import static org.xieshang.shared.web.FormFields.choice;
import static org.xieshang.shared.web.FormFields.date;
import static org.xieshang.shared.web.FormFields.ids;
import static org.xieshang.shared.web.FormFields.number;
import static org.xieshang.shared.web.FormFields.page;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.shared.web.ActionForm;
import org.xieshang.shared.web.PageActions;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * The pages of the key-proposal work: the office marks key cases and records the chair's meeting's
 * decisions; leaders follow the key cases they lead-handle or supervise and record supervision.
 * Thin: the rules are in {@link KeyProposals}. (Bulletins have their own module.)
 */
@PageController
class KeyWorkPages implements NavContributor {

    private final KeyProposals keys;
    private final KeyWorkPageQueries pages;
    private final Messages messages;
    private final org.xieshang.proposal.ProposalCases keyCases;

    KeyWorkPages(KeyProposals keys, KeyWorkPageQueries pages, Messages messages,
                 org.xieshang.proposal.ProposalCases keyCases) {
        this.keyCases = keyCases;
        this.keys = keys;
        this.pages = pages;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (keyCases.seesAllCases(user)) {
            items.add(new NavItem("keywork.nav.keyProposals", "/key-proposals", 34));
        } else if (user.has(Role.LEADER_GOV)) {
            items.add(new NavItem("keywork.nav.myKeyProposals", "/key-proposals", 34));
        }
        return items;
    }

    // --- key proposals ---

    @GetMapping("/key-proposals")
    String keyProposals(@RequestParam(required = false) String mine, @RequestParam(required = false) String page,
                        Model model) {
        model.addAttribute("list", pages.keyCases("true".equals(mine), page(page)));
        return "keywork/list";
    }

    @GetMapping("/key-proposals/decisions")
    String decisions(Model model) {
        return decisions(model, new ActionForm("decide", new LinkedMultiValueMap<>(), FormErrors.none()));
    }

    /** The chair's meeting's decision: every chosen case becomes key; the leaders are set case by case. */
    @PostMapping("/key-proposals/decisions")
    String decide(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            InvalidInput invalid = new InvalidInput();
            LocalDate meeting = date(form.getFirst("meetingDate"), "meetingDate", invalid);
            Integer year = number(form.getFirst("year"));
            List<Long> chosen = ids(form, "proposalIds");
            invalid.throwIfAny();
            KeyProposals.DecisionView d = keys.decide(year, meeting, chosen, form.getFirst("reasons"));
            redirect.addFlashAttribute("notice", messages.get("keywork.done.decided", d.proposalIds().size()));
            return "redirect:/key-proposals/decisions";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return decisions(model, new ActionForm("decide", form, FormErrors.of(invalid, messages)));
        } catch (Conflict conflict) {
            response.setStatus(409);
            return decisions(model, new ActionForm("decide", form,
                    FormErrors.general(messages.get(conflict.messageKey(), conflict.args()))));
        }
    }

    @GetMapping("/proposals/{id:\\d+}/key")
    String keyCase(@PathVariable Long id, Model model) {
        return keyCase(id, model, ActionForm.none());
    }

    @PostMapping("/proposals/{id:\\d+}/key")
    String mark(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return onKeyCase(id, "mark", form, model, response, redirect, () -> {
            keys.mark(id, ids(form, "leadLeaderUserIds"), ids(form, "supervisorUserIds"));
            return messages.get("keywork.done.marked");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/supervision-events")
    String supervise(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form,
                     @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return onKeyCase(id, "supervise", form, model, response, redirect, () -> {
            InvalidInput invalid = new InvalidInput();
            SupervisionType type = choice(SupervisionType.class, form.getFirst("type"), "type");
            LocalDate date = date(form.getFirst("date"), "date", invalid);
            invalid.throwIfAny();
            keys.supervise(id, type, date, form.getFirst("content"), form.getFirst("participants"), file);
            return messages.get("keywork.done.supervised");
        });
    }

    // --- helpers ---

    private String keyCase(Long id, Model model, ActionForm failed) {
        model.addAttribute("view", pages.keyCase(id));
        model.addAttribute("failed", failed);
        return "keywork/case";
    }

    private String decisions(Model model, ActionForm failed) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV);
        model.addAttribute("decisions", pages.decisions());
        model.addAttribute("cases", keyCases.isStaff(user) ? pages.caseChoices() : List.of());
        model.addAttribute("year", pages.today().getYear());
        model.addAttribute("failed", failed);
        return "keywork/decisions";
    }

    private String onKeyCase(Long id, String name, MultiValueMap<String, String> form, Model model,
                             HttpServletResponse response, RedirectAttributes redirect, Supplier<String> action) {
        return attempt(name, form, model, response, redirect, action, "/proposals/" + id + "/key",
                failed -> keyCase(id, model, failed));
    }

    /** Post-redirect-get on success; refused input (400) or a refusal by the record's state (409) shows the page again. */
    private String attempt(String name, MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                           RedirectAttributes redirect, Supplier<String> action, String back,
                           java.util.function.Function<ActionForm, String> again) {
        return PageActions.attempt(name, form, messages, response, redirect, action, back, again);
    }
}
