package org.xieshang.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * The assessment pages: a member's own standing (phone first), the office's and leaders' runs with
 * a progress bar while a run computes, a run's results, and the rules as JSON for the office.
 */
@PageController
class AssessmentPages implements NavContributor {

    private final StandingService standing;
    private final RunService runs;
    private final RunTasks tasks;
    private final RulesService rules;
    private final Messages messages;
    private final DutyRebuildService rebuilds;

    AssessmentPages(StandingService standing, RunService runs, RunTasks tasks, RulesService rules, Messages messages,
                    DutyRebuildService rebuilds) {
        this.rebuilds = rebuilds;
        this.standing = standing;
        this.runs = runs;
        this.tasks = tasks;
        this.rules = rules;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (user.memberId() != null) {
            items.add(new NavItem("nav.assessment.mine", "/assessment/mine", 60));
        }
        if (AssessmentAccess.seesAll(user)) {
            items.add(new NavItem("nav.assessment.runs", "/assessment", 61));
        }
        return items;
    }

    @GetMapping("/assessment/mine")
    String mine(Model model) {
        model.addAttribute("standing", standing.mine());
        return "assessment/mine";
    }

    @GetMapping("/assessment")
    String runs(Model model) {
        return runsPage(FormErrors.none(), null, null, model);
    }

    private String runsPage(FormErrors errors, LocalDate from, LocalDate to, Model model) {
        int year = LocalDate.now().getYear();
        model.addAttribute("runs", runs.list());
        model.addAttribute("errors", errors);
        model.addAttribute("from", from == null ? LocalDate.of(year, 1, 1) : from);
        model.addAttribute("to", to == null ? LocalDate.of(year, 12, 31) : to);
        return rebuildSection(FormErrors.none(), null, null, model);
    }

    /** The office's rebuild section of the runs page: the form and the latest rebuilds (ADMIN only). */
    private String rebuildSection(FormErrors errors, LocalDate from, LocalDate to, Model model) {
        boolean office = AssessmentAccess.office(CurrentUsers.require());
        int year = LocalDate.now().getYear();
        model.addAttribute("rebuilds", office ? rebuilds.latest(5) : List.of());
        model.addAttribute("rebuildErrors", errors);
        model.addAttribute("rebuildFrom", from == null ? LocalDate.of(year, 1, 1) : from);
        model.addAttribute("rebuildTo", to == null ? LocalDate.now() : to);
        return "assessment/runs";
    }

    @PostMapping("/assessment/rebuilds")
    String rebuild(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                   Model model) {
        Long id;
        try {
            id = rebuilds.start(from, to);
        } catch (InvalidInput invalid) {
            runsPage(FormErrors.none(), null, null, model);
            return rebuildSection(FormErrors.of(invalid, messages), from, to, model);
        }
        if (!tasks.scheduleRebuild(CurrentUsers.require().committeeId(), id)) {
            rebuilds.compute(id);
        }
        return "redirect:/assessment#rebuild";
    }

    /** A rebuild's progress bar, polled by htmx while it runs. */
    @GetMapping("/assessment/rebuilds/{id}/progress")
    String rebuildProgress(@PathVariable Long id, Model model) {
        model.addAttribute("rebuild", rebuilds.get(id));
        return "assessment/rebuildProgress";
    }

    @PostMapping("/assessment/runs")
    String start(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        Long id;
        try {
            id = runs.start(from, to);
        } catch (InvalidInput invalid) {
            return runsPage(FormErrors.of(invalid, messages), from, to, model);
        }
        if (!tasks.schedule(CurrentUsers.require().committeeId(), id)) {
            runs.compute(id);
        }
        return "redirect:/assessment/runs/" + id;
    }

    @GetMapping("/assessment/runs/{id}")
    String run(@PathVariable Long id, Model model) {
        model.addAttribute("run", runs.get(id));
        model.addAttribute("chair", runs.consequences(id));
        return "assessment/run";
    }

    /** The progress bar alone, polled by htmx while the run computes; the whole page once it is done. */
    @GetMapping("/assessment/runs/{id}/progress")
    String progress(@PathVariable Long id, Model model) {
        model.addAttribute("run", runs.progress(id));
        return "assessment/progress";
    }

    @GetMapping("/assessment/rules")
    String rules(@RequestParam(required = false) Integer year, Model model) {
        var view = rules.view(year);
        model.addAttribute("view", view);
        model.addAttribute("json", RulesService.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                new PointsRules(view.year(), view.basePoints(), view.items(), view.grades())));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("saved", false);
        return "assessment/rules";
    }

    @PostMapping("/assessment/rules")
    String saveRules(@RequestParam Integer year, @RequestParam(required = false) String json, Model model) {
        if (!AssessmentAccess.office(CurrentUsers.require())) {
            throw new Forbidden();
        }
        try {
            PointsRules given;
            try {
                given = RulesService.JSON.readValue(json == null ? "" : json, PointsRules.class);
            } catch (RuntimeException malformed) {
                throw InvalidInput.field("json", "validation.typeMismatch");
            }
            var view = rules.put(year, given, null);
            model.addAttribute("view", view);
            model.addAttribute("json", RulesService.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                    new PointsRules(view.year(), view.basePoints(), view.items(), view.grades())));
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("saved", true);
        } catch (InvalidInput invalid) {
            model.addAttribute("view", rules.view(year));
            model.addAttribute("json", json);
            // the rules are one JSON field: every problem, with its path, in one message
            model.addAttribute("errors", FormErrors.general(String.join(" ", invalid.problems().stream()
                    .map(p -> p.field() + "：" + messages.get(org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                            p.messageKey(), p.args())).toList())));
            model.addAttribute("saved", false);
        }
        return "assessment/rules";
    }
}
