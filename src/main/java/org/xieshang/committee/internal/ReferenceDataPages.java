package org.xieshang.committee.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * Reference data pages: sectors, units, special committees, terms and their sessions. Every
 * signed-in user may read them; the committee office adds to them (checked by the service).
 */
@PageController
class ReferenceDataPages implements NavContributor {

    private final ReferenceDataService service;
    private final Messages messages;

    ReferenceDataPages(ReferenceDataService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.has(Role.ADMIN) ? List.of(new NavItem("nav.reference", "/reference", 80)) : List.of();
    }

    @GetMapping("/reference")
    String index() {
        return "redirect:/reference/sectors";
    }

    // --- sectors ---

    @GetMapping("/reference/sectors")
    String sectors(Model model) {
        return sectorsPage(model, ReferenceForm.empty(), FormErrors.none());
    }

    @PostMapping("/reference/sectors")
    String createSector(@ModelAttribute ReferenceForm form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return submit(() -> service.createSector(form.name()).name(), "/reference/sectors", redirect, response,
                errors -> sectorsPage(model, form, errors));
    }

    private String sectorsPage(Model model, ReferenceForm form, FormErrors errors) {
        model.addAttribute("items", service.sectors().stream().map(s -> new Named(s.id(), s.name())).toList());
        return namesPage(model, "sectors", form, errors);
    }

    // --- special committees ---

    @GetMapping("/reference/special-committees")
    String specialCommittees(Model model) {
        return specialCommitteesPage(model, ReferenceForm.empty(), FormErrors.none());
    }

    @PostMapping("/reference/special-committees")
    String createSpecialCommittee(@ModelAttribute ReferenceForm form, Model model, HttpServletResponse response,
                                  RedirectAttributes redirect) {
        return submit(() -> service.createSpecialCommittee(form.name()).name(), "/reference/special-committees", redirect,
                response, errors -> specialCommitteesPage(model, form, errors));
    }

    private String specialCommitteesPage(Model model, ReferenceForm form, FormErrors errors) {
        model.addAttribute("items", service.specialCommittees().stream().map(s -> new Named(s.id(), s.name())).toList());
        return namesPage(model, "special-committees", form, errors);
    }

    private String namesPage(Model model, String kind, ReferenceForm form, FormErrors errors) {
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "committee/names";
    }

    // --- units ---

    @GetMapping("/reference/units")
    String units(Model model) {
        return unitsPage(model, ReferenceForm.empty(), FormErrors.none());
    }

    @PostMapping("/reference/units")
    String createUnit(@ModelAttribute ReferenceForm form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return submit(() -> {
            InvalidInput invalid = new InvalidInput();
            var type = form.unitType(invalid);
            invalid.throwIfAny();
            return service.createUnit(form.name(), type).name();
        }, "/reference/units", redirect, response, errors -> unitsPage(model, form, errors));
    }

    private String unitsPage(Model model, ReferenceForm form, FormErrors errors) {
        model.addAttribute("units", service.units());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "committee/units";
    }

    // --- terms and sessions ---

    @GetMapping("/reference/terms")
    String terms(Model model) {
        return termsPage(model, ReferenceForm.empty(), FormErrors.none(), null, ReferenceForm.empty(), FormErrors.none());
    }

    @PostMapping("/reference/terms")
    String createTerm(@ModelAttribute ReferenceForm form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        return submit(() -> {
            InvalidInput invalid = new InvalidInput();
            var start = form.start(invalid);
            var end = form.end(invalid);
            invalid.throwIfAny();
            return service.createTerm(form.name(), start, end).name();
        }, "/reference/terms", redirect, response,
                errors -> termsPage(model, form, errors, null, ReferenceForm.empty(), FormErrors.none()));
    }

    @PostMapping("/reference/terms/{termId:\\d+}/sessions")
    String createSession(@PathVariable Long termId, @ModelAttribute ReferenceForm form, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        return submit(() -> {
            InvalidInput invalid = new InvalidInput();
            var year = form.yearNumber(invalid);
            var start = form.start(invalid);
            invalid.throwIfAny();
            return service.createSession(termId, form.name(), year, start).name();
        }, "/reference/terms#term-" + termId, redirect, response,
                errors -> termsPage(model, ReferenceForm.empty(), FormErrors.none(), termId, form, errors));
    }

    private String termsPage(Model model, ReferenceForm termForm, FormErrors termErrors, Long sessionTermId,
                             ReferenceForm sessionForm, FormErrors sessionErrors) {
        model.addAttribute("terms", service.terms());
        model.addAttribute("form", termForm);
        model.addAttribute("errors", termErrors);
        model.addAttribute("sessionTermId", sessionTermId);
        model.addAttribute("sessionForm", sessionForm);
        model.addAttribute("sessionErrors", sessionErrors);
        return "committee/terms";
    }

    /**
     * Runs a change; on success redirects (post-redirect-get) with a notice, on refusal shows the
     * form again with the errors next to the fields. A taken name is an error of the name field.
     */
    private String submit(Supplier<String> change, String target, RedirectAttributes redirect,
                          HttpServletResponse response, java.util.function.Function<FormErrors, String> again) {
        try {
            String name = change.get();
            redirect.addFlashAttribute("notice", messages.get("ref.added", name));
            return "redirect:" + target;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return again.apply(FormErrors.of(invalid, messages));
        } catch (Conflict conflict) {
            response.setStatus(409);
            return again.apply(FormErrors.of(InvalidInput.field("name", conflict.messageKey(), conflict.args()), messages));
        }
    }
}
