package org.xieshang.liaison.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.committee.ReferenceData;
import org.xieshang.liaison.ContactMethod;
import org.xieshang.liaison.internal.LiaisonComplianceService.Compliance;
import org.xieshang.liaison.internal.LiaisonComplianceService.LiaisonCompliance;
import org.xieshang.liaison.internal.LiaisonComplianceService.MyMembers;
import org.xieshang.liaison.internal.LiaisonContactService.ContactForm;
import org.xieshang.liaison.internal.LiaisonPlanService.PlanView;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Liaison pages: the plan with its groups, moves and confirmation (office); a liaison's own
 * "my members" page with a quick contact form (made for a phone); the compliance dashboard.
 */
@PageController
class LiaisonPages implements NavContributor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiaisonPlanService plans;
    private final LiaisonContactService contacts;
    private final LiaisonComplianceService compliance;
    private final MemberDirectory directory;
    private final ReferenceData reference;
    private final Messages messages;
    private final LiaisonClock clock;
    private final LiaisonSettingsService settings;

    LiaisonPages(LiaisonPlanService plans, LiaisonContactService contacts, LiaisonComplianceService compliance, MemberDirectory directory,
                 ReferenceData reference, Messages messages, LiaisonClock clock, LiaisonSettingsService settings) {
        this.settings = settings;
        this.plans = plans;
        this.contacts = contacts;
        this.compliance = compliance;
        this.directory = directory;
        this.reference = reference;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (user.has(Role.ADMIN)) {
            items.add(new NavItem("nav.liaison.plan", "/liaison/plans", 40));
        }
        if (user.hasAny(Role.ADMIN, Role.LEADER_CPPCC)) {
            items.add(new NavItem("nav.liaison.compliance", "/liaison/compliance", 41));
        }
        if (user.memberId() != null && directory.find(user.memberId())
                .filter(m -> m.status().isServing() && settings.current().isLiaison(m.roles())).isPresent()) {
            items.add(new NavItem("nav.liaison.mine", "/liaison/mine", 42));
        }
        return items;
    }

    // --- plan (office) ---

    @GetMapping("/liaison/plans")
    String plan(@RequestParam(required = false) Integer year, @RequestParam(required = false) String confirmed,
                @RequestParam(required = false) String moved, Model model) {
        model.addAttribute("done", confirmed != null ? "liaison.plan.confirmedNotice" : moved != null ? "liaison.plan.movedNotice" : null);
        return planPage(year == null ? clock.today().getYear() : year, FormErrors.none(), model);
    }

    @PostMapping("/liaison/plans")
    String generate(@RequestParam(required = false) String year, Model model) {
        Integer y = null;
        try {
            y = parseYear(year);
            plans.generate(y);
        } catch (InvalidInput invalid) {
            model.addAttribute("done", null);
            return planPage(y == null ? clock.today().getYear() : y, FormErrors.of(invalid, messages), model);
        }
        return "redirect:/liaison/plans?year=" + y;
    }

    @PostMapping("/liaison/plans/{year}/confirm")
    String confirm(@PathVariable int year, @RequestParam(required = false) Long version) {
        plans.confirm(year, version);
        return "redirect:/liaison/plans?year=" + year + "&confirmed";
    }

    @PostMapping("/liaison/plans/{year}/moves")
    String move(@PathVariable int year, @RequestParam(required = false) String memberId,
                @RequestParam(required = false) String liaisonMemberId, @RequestParam(required = false) Long version,
                Model model) {
        try {
            Long member = parseId("memberId", memberId);
            Long liaison = parseId("liaisonMemberId", liaisonMemberId);
            plans.move(year, member, liaison, version);
            return "redirect:/liaison/plans?year=" + year + "&moved#group-" + liaison;
        } catch (InvalidInput invalid) {
            model.addAttribute("done", null);
            return planPage(year, FormErrors.of(invalid, messages), model);
        }
    }

    private String planPage(int year, FormErrors errors, Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        PlanView plan = plans.plan(year).map(plans::view).orElse(null);
        List<Long> movable = new ArrayList<>();
        if (plan != null) {
            plan.groups().forEach(g -> movable.addAll(g.memberIds()));
            movable.addAll(plan.checks().unassignedMemberIds());
        }
        LiaisonPlanService.People people = plans.people();
        model.addAttribute("year", year);
        model.addAttribute("plans", plans.list());
        model.addAttribute("plan", plan);
        model.addAttribute("names", names());
        model.addAttribute("previous", plan == null ? Map.of() : plans.previousLiaisonOf(year));
        model.addAttribute("movable", movable.stream().sorted().toList());
        model.addAttribute("liaisons", people.liaisons().stream().map(PlanGenerator.Person::id).toList());
        model.addAttribute("errors", errors);
        // before a plan exists (or while a draft can be regenerated): whether the numbers allow the minimum
        model.addAttribute("outlook", plan == null || plan.draft() ? plans.outlook(year) : null);
        return "liaison/plan";
    }

    // --- my members (a liaison) ---

    @GetMapping("/liaison/mine")
    String mine(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long member,
                @RequestParam(required = false) String logged, Model model) {
        model.addAttribute("logged", logged != null);
        return minePage(year == null ? clock.today().getYear() : year, ContactDraft.empty(clock.today(), member),
                FormErrors.none(), model);
    }

    @PostMapping("/liaison/contacts")
    String logContact(@RequestParam(required = false) String date, @RequestParam(required = false) String method,
                      @RequestParam(required = false) List<String> memberIds,
                      @RequestParam(required = false) String conveyed, @RequestParam(required = false) String suggestions,
                      @RequestParam(required = false) String committeeSuggestions,
                      @RequestParam(required = false) String situation, @RequestParam(required = false) String proposalLeads,
                      @RequestParam(required = false) String difficulties,
                      @RequestParam(name = "year", required = false) String pageYear, Model model) {
        CurrentUser user = CurrentUsers.require();
        List<Long> ids = new ArrayList<>();
        ContactDraft draft = new ContactDraft(date, method, ids, conveyed, suggestions, committeeSuggestions, situation,
                proposalLeads, difficulties);
        // the page's year, to show the form again when the date itself is unreadable
        int year;
        try {
            year = pageYear == null ? clock.today().getYear() : Integer.parseInt(pageYear.strip());
        } catch (NumberFormatException e) {
            year = clock.today().getYear();
        }
        try {
            InvalidInput invalid = new InvalidInput();
            LocalDate day = null;
            try {
                day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                invalid.add("date", "validation.typeMismatch");
            }
            ContactMethod how = null;
            try {
                how = method == null || method.isBlank() ? null : ContactMethod.valueOf(method);
            } catch (IllegalArgumentException e) {
                invalid.add("method", "validation.unknownValue");
            }
            if (memberIds != null) {
                for (String id : memberIds) {
                    try {
                        ids.add(Long.valueOf(id));
                    } catch (NumberFormatException e) {
                        invalid.add("memberIds", "validation.typeMismatch");
                    }
                }
            }
            invalid.throwIfAny();
            if (day != null) {
                year = day.getYear();
            }
            contacts.log(new ContactForm(user.memberId(), ids, day, how, conveyed, suggestions, committeeSuggestions,
                    situation, proposalLeads, difficulties));
        } catch (InvalidInput invalid) {
            model.addAttribute("logged", false);
            return minePage(year, draft, FormErrors.of(invalid, messages), model);
        }
        return "redirect:/liaison/mine?year=" + year + "&logged";
    }

    private String minePage(int year, ContactDraft draft, FormErrors errors, Model model) {
        CurrentUser user = CurrentUsers.require();
        if (user.memberId() == null) {
            throw new Forbidden();
        }
        MyMembers mine = null;
        String notice = null;
        try {
            mine = compliance.myMembers(year);
        } catch (NotFound notFound) {
            notice = messages.get(notFound.messageKey(), notFound.args());
        }
        model.addAttribute("year", year);
        model.addAttribute("today", clock.today().toString());
        model.addAttribute("mine", mine);
        model.addAttribute("notice", notice);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("methods", List.of(ContactMethod.values()));
        model.addAttribute("names", names());
        // members of other groups a symposium may include (issue 15 point 9)
        List<Long> others = new ArrayList<>();
        if (mine != null) {
            java.util.Set<Long> own = new java.util.HashSet<>();
            mine.members().forEach(m -> own.add(m.memberId()));
            plans.plan(year).ifPresent(p -> plans.pairs(p).stream().map(LiaisonAssignment::getMemberId)
                    .filter(id -> !own.contains(id)).sorted().forEach(others::add));
        }
        model.addAttribute("others", others);
        model.addAttribute("recent", mine == null ? List.of()
                : contacts.search(year, user.memberId(), null, PageRequest.of(0, 30)).getContent());
        return "liaison/mine";
    }

    // --- follow-ups ---

    @PostMapping("/liaison/follow-ups/{id}/resolve")
    String resolve(@PathVariable Long id, @RequestParam(required = false) String resolution,
                   @RequestParam(required = false) String back, @RequestParam(required = false) Integer year) {
        contacts.resolve(id, resolution);
        return redirectBack(back, year);
    }

    @PostMapping("/liaison/follow-ups/{id}/proposal-draft")
    String raiseLead(@PathVariable Long id, @RequestParam(required = false) String memberId,
                     @RequestParam(required = false) String back, @RequestParam(required = false) Integer year) {
        contacts.raiseLead(id, parseId("memberId", memberId));
        return redirectBack(back, year);
    }

    private static String redirectBack(String back, Integer year) {
        String page = "compliance".equals(back) ? "/liaison/compliance" : "/liaison/mine";
        return "redirect:" + page + (year == null ? "" : "?year=" + year);
    }

    // --- compliance dashboard (office, CPPCC leaders) ---

    @GetMapping("/liaison/compliance")
    String compliance(@RequestParam(required = false) Integer year, Model model) {
        CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC);
        int y = year == null ? clock.today().getYear() : year;
        Compliance state = plans.plan(y).isPresent() ? compliance.compliance(y) : null;
        Names names = names();
        model.addAttribute("year", y);
        model.addAttribute("state", state);
        model.addAttribute("names", names);
        model.addAttribute("chart", state == null ? "{}" : chart(state, names));
        model.addAttribute("difficulties", contacts.followUps(FollowUpKind.DIFFICULTY, true, null, PageRequest.of(0, 50)).getContent());
        return "liaison/compliance";
    }

    /** The chart's data as JSON for a data attribute (CSP allows no inline script). */
    private String chart(Compliance state, Names names) {
        List<String> labels = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        List<Integer> behind = new ArrayList<>();
        for (LiaisonCompliance l : state.liaisons()) {
            labels.add(names.name(l.liaisonMemberId()));
            rates.add(Math.round(l.completionRate() * 1000) / 10.0);
            done.add(l.pairsDone());
            behind.add(l.pairsBehind());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("rates", rates);
        data.put("done", done);
        data.put("behind", behind);
        data.put("doneName", messages.get("liaison.compliance.pairsDone"));
        data.put("behindName", messages.get("liaison.compliance.behind"));
        data.put("rateName", messages.get("liaison.compliance.rate"));
        return JSON.writeValueAsString(data);
    }

    // --- helpers ---

    private Names names() {
        return new Names(directory.all(), reference.sectors());
    }

    private static Integer parseYear(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.field("year", "validation.typeMismatch");
        }
    }

    private static Long parseId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, "validation.typeMismatch");
        }
    }
}
