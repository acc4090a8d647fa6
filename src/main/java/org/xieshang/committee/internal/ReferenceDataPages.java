package org.xieshang.committee.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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
    private final UnitImport unitImport;
    private final Messages messages;

    ReferenceDataPages(ReferenceDataService service, UnitImport unitImport, Messages messages) {
        this.service = service;
        this.unitImport = unitImport;
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
        model.addAttribute("items", service.sectors().stream().map(s -> new Named(s.id(), s.name(), s.retired(), s.version())).toList());
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
        model.addAttribute("items", service.specialCommittees().stream().map(s -> new Named(s.id(), s.name(), s.retired(), s.version())).toList());
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

    // --- rename, retire, reinstate, delete (issue 15 point 8) ---

    @PostMapping("/reference/{kind}/{id:\\d+}/{action}")
    String change(@PathVariable String kind, @PathVariable Long id, @PathVariable String action,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String version,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!List.of("sectors", "units", "special-committees", "terms", "sessions").contains(kind)
                || !List.of("rename", "retire", "reinstate", "delete").contains(action)) {
            throw new org.xieshang.shared.error.NotFound();
        }
        ReferenceDataService.Kind k = switch (kind) {
            case "sectors" -> ReferenceDataService.Kind.SECTOR;
            case "units" -> ReferenceDataService.Kind.UNIT;
            case "special-committees" -> ReferenceDataService.Kind.SPECIAL_COMMITTEE;
            case "terms" -> ReferenceDataService.Kind.TERM;
            default -> ReferenceDataService.Kind.SESSION;
        };
        String page = "sessions".equals(kind) ? "terms" : kind;
        Long expected = version != null && version.matches("\\d{1,18}") ? Long.valueOf(version) : null;
        try {
            String notice;
            switch (action) {
                case "rename" -> {
                    service.change(k, id, new ReferenceDataService.Change(name == null ? "" : name, null, expected));
                    notice = messages.get("refdata.page.renamed", name == null ? "" : name.strip());
                }
                case "retire", "reinstate" -> {
                    service.change(k, id, new ReferenceDataService.Change(null, "retire".equals(action), expected));
                    notice = messages.get("refdata.page.done." + action);
                }
                default -> {
                    service.delete(k, id);
                    notice = messages.get("refdata.page.deleted");
                }
            }
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/reference/" + page;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            model.addAttribute("problem", invalid.problems().stream()
                    .map(p -> messages.get(p.messageKey(), p.args())).findFirst().orElse(""));
        } catch (Conflict conflict) {
            response.setStatus(409);
            model.addAttribute("problem", messages.get(conflict.messageKey(), conflict.args()));
        }
        return switch (page) {
            case "units" -> unitsPage(model, ReferenceForm.empty(), FormErrors.none());
            case "terms" -> termsPage(model, ReferenceForm.empty(), FormErrors.none(), null, ReferenceForm.empty(),
                    FormErrors.none());
            case "sectors" -> sectorsPage(model, ReferenceForm.empty(), FormErrors.none());
            default -> specialCommitteesPage(model, ReferenceForm.empty(), FormErrors.none());
        };
    }

    // --- unit import (.xlsx): upload, preview row by row, then import all or none ---

    @GetMapping("/reference/units/import")
    String importPage(Model model) {
        org.xieshang.shared.CurrentUsers.requireAny(Role.ADMIN);
        return "committee/unit-import";
    }

    @PostMapping("/reference/units/import")
    String importUnits(@RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(required = false) String step, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) throws java.io.IOException {
        org.xieshang.shared.CurrentUsers.requireAny(Role.ADMIN);
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.field("file", "validation.required");
            }
            if ("commit".equals(step)) {
                UnitImport.Outcome outcome = unitImport.commit(file.getInputStream());
                if (outcome.rejected().isEmpty()) {
                    redirect.addFlashAttribute("notice", messages.get("refdata.page.imported", outcome.imported()));
                    return "redirect:/reference/units";
                }
                response.setStatus(400);
                model.addAttribute("preview", unitImport.preview(file.getInputStream()));
            } else {
                model.addAttribute("preview", unitImport.preview(file.getInputStream()));
            }
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            model.addAttribute("errors", FormErrors.of(invalid, messages));
        }
        return "committee/unit-import";
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
