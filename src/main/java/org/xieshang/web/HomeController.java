package org.xieshang.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.HomePanelContributor;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;
import org.xieshang.shared.web.TodoContributor;

/**
 * The web shell: sign-in page and each role's home: its to-dos, its quick actions, the short lists
 * modules offer ({@link HomePanelContributor}), and for the office the committee's figures.
 */
@PageController
public class HomeController implements NavContributor {

    private final MemberDirectory members;
    private final ReferenceData reference;
    private final List<TodoContributor> todos;
    private final List<HomePanelContributor> panels;

    /** A big link on a role's home: label, page, icon (see layout/icon.jte). */
    public record Action(String labelKey, String href, String icon) {
    }

    HomeController(MemberDirectory members, ReferenceData reference, List<TodoContributor> todos,
                   List<HomePanelContributor> panels) {
        this.members = members;
        this.reference = reference;
        this.todos = todos;
        this.panels = panels;
    }

    /** Each role's quick actions, office first when a user holds several roles; only pages the role may open. */
    static List<Action> actions(CurrentUser user) {
        List<Action> actions = new java.util.ArrayList<>();
        if (user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF)) {
            actions.add(new Action("home.action.review", "/proposals/review", "check"));
            actions.add(new Action("home.action.assign", "/proposals/assignment", "cases"));
            actions.add(new Action("home.action.replies", "/proposals/replies", "report"));
            actions.add(new Action("home.action.stats", "/stats", "chart"));
        }
        if (user.hasAny(Role.LEADER_CPPCC, Role.LEADER_GOV)) {
            actions.add(new Action("home.action.keyCases", "/key-proposals", "flag"));
            actions.add(new Action("home.action.bulletins", "/bulletins", "bulletin"));
            actions.add(new Action("home.action.results", "/stats", "chart"));
        }
        if (user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            actions.add(new Action("home.action.unitCases", "/proposals/unit", "clock"));
            actions.add(new Action("home.action.followUps", "/follow-ups", "bulletin"));
            actions.add(new Action("home.action.unitStats", "/stats", "chart"));
        }
        if (user.has(Role.MEMBER) && user.memberId() != null) {
            actions.add(new Action("home.action.write", "/proposals/new", "write"));
            actions.add(new Action("home.action.myCases", "/proposals/mine", "cases"));
            actions.add(new Action("home.action.myActivities", "/activities/mine", "calendar"));
            actions.add(new Action("home.action.socialReport", "/social-reports/mine", "report"));
        }
        // one link per page, in the first role's order
        java.util.Set<String> seen = new java.util.HashSet<>();
        return actions.stream().filter(a -> seen.add(a.href())).toList();
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return List.of(new NavItem("nav.home", "/", 0));
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
                 @RequestParam(required = false) String locked, @RequestParam(required = false) String logout,
                 Model model) {
        String message = throttled != null ? "login.throttled" : locked != null ? "security.login.locked"
                : error != null ? "login.failed"
                : logout != null ? "login.loggedOut" : null;
        model.addAttribute("messageKey", message);
        return "web/login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("todos", todos.stream().flatMap(t -> t.todos(user).stream())
                .sorted(Comparator.comparingInt(TodoContributor.Todo::order)).toList());
        model.addAttribute("actions", actions(user));
        model.addAttribute("panels", panels.stream().flatMap(p -> p.panels(user).stream())
                .sorted(Comparator.comparingInt(HomePanelContributor.Panel::order)).toList());
        // the committee's figures are the office's business, not every role's
        boolean office = user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        model.addAttribute("office", office);
        if (!office) {
            model.addAttribute("membersByStatus", Map.of());
            model.addAttribute("servingMembers", 0L);
            model.addAttribute("referenceCounts", Map.of());
            return "web/home";
        }
        Map<MemberStatus, Long> byStatus = members.countByStatus();
        long serving = byStatus.entrySet().stream().filter(e -> e.getKey().isServing()).mapToLong(Map.Entry::getValue).sum();
        model.addAttribute("membersByStatus", byStatus);
        model.addAttribute("servingMembers", serving);
        model.addAttribute("referenceCounts", reference.counts());
        return "web/home";
    }
}
