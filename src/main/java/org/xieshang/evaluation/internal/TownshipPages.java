package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.evaluation.internal.TownshipService.AssessmentForm;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.DomainException;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.PageController;
import tools.jackson.databind.json.JsonMapper;

/** Township assessment pages: the years with the chart across years, and one year's checklist, points and evidence. */
@PageController
class TownshipPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TownshipService service;
    private final Messages messages;

    TownshipPages(TownshipService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/township-assessments")
    String list(Model model) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        model.addAttribute("assessments", service.list());
        model.addAttribute("chart", JSON.writeValueAsString(service.chart()));
        model.addAttribute("office", user.has(Role.ADMIN));
        model.addAttribute("problem", model.getAttribute("problem"));
        return "evaluation/townships";
    }

    @PostMapping("/township-assessments")
    String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) BigDecimal weight,
                  RedirectAttributes redirect) {
        try {
            return "redirect:/township-assessments/" + service.create(new AssessmentForm(year, weight, null)).id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", text(e));
            return "redirect:/township-assessments";
        }
    }

    @GetMapping("/township-assessments/{id:\\d+}")
    String detail(@PathVariable Long id, Model model) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        model.addAttribute("a", service.get(id));
        model.addAttribute("office", user.has(Role.ADMIN));
        model.addAttribute("problem", model.getAttribute("problem"));
        return "evaluation/township";
    }

    @PostMapping("/township-assessments/{id:\\d+}/scores")
    String score(@PathVariable Long id, @RequestParam(required = false) Long unitId, @RequestParam Map<String, String> params,
                 RedirectAttributes redirect) {
        try {
            Map<String, BigDecimal> points = new LinkedHashMap<>();
            InvalidInput invalid = new InvalidInput();
            params.forEach((k, v) -> {
                if (k.startsWith("points.") && v != null && !v.isBlank()) {
                    try {
                        points.put(k.substring(7), new BigDecimal(v.strip()));
                    } catch (NumberFormatException e) {
                        invalid.add("criterionScores." + k.substring(7), "validation.typeMismatch");
                    }
                }
            });
            invalid.throwIfAny();
            service.score(id, unitId, points);
        } catch (DomainException e) {
            if (e.status().value() != 400 && e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problem", text(e));
        }
        return "redirect:/township-assessments/" + id;
    }

    @PostMapping("/township-assessments/{id:\\d+}/evidence")
    String evidence(@PathVariable Long id, @RequestParam(required = false) Long unitId,
                    @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            service.addEvidence(id, unitId, file);
        } catch (DomainException e) {
            if (e.status().value() != 400 && e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problem", text(e));
        }
        return "redirect:/township-assessments/" + id;
    }

    private String text(DomainException e) {
        if (e instanceof InvalidInput invalid) {
            return EvaluationPages.FormErrorsText.of(invalid, messages);
        }
        return messages.get(e.messageKey(), e.args());
    }
}
