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
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;
import org.xieshang.shared.web.TodoContributor;

/** The web shell: sign-in page and the home dashboard with the committee's real counts. */
@PageController
class HomeController implements NavContributor {

    private final MemberDirectory members;
    private final ReferenceData reference;
    private final List<TodoContributor> todos;

    HomeController(MemberDirectory members, ReferenceData reference, List<TodoContributor> todos) {
        this.members = members;
        this.reference = reference;
        this.todos = todos;
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
        Map<MemberStatus, Long> byStatus = members.countByStatus();
        long serving = byStatus.entrySet().stream().filter(e -> e.getKey().isServing()).mapToLong(Map.Entry::getValue).sum();
        model.addAttribute("membersByStatus", byStatus);
        model.addAttribute("servingMembers", serving);
        model.addAttribute("referenceCounts", reference.counts());
        return "web/home";
    }
}
