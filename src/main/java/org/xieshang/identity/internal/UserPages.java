package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.identity.UserAccounts.NewUser;
import org.xieshang.identity.UserAccounts.UserView;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Paging;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/** User administration pages of the committee office: list, create, edit (the service checks ADMIN). */
@PageController
class UserPages implements NavContributor {

    static final int PAGE_SIZE = 50;

    private final UserService users;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Messages messages;

    UserPages(UserService users, MemberDirectory members, ReferenceData reference, Messages messages) {
        this.users = users;
        this.members = members;
        this.reference = reference;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.has(Role.ADMIN) ? List.of(new NavItem("nav.users", "/users", 85)) : List.of();
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String page, Model model) {
        int p = 0;
        try {
            p = page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException ignored) {
            // not a page number: the first page
        }
        Page<UserView> found = users.list(Paging.clamped(p, PAGE_SIZE, Sort.unsorted()));
        model.addAttribute("users", found.getContent());
        model.addAttribute("page", found.getNumber());
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("memberNames", memberNames());
        model.addAttribute("unitNames", unitNames());
        return "identity/users";
    }

    @GetMapping("/users/new")
    String createForm(Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        return form(model, UserForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/users")
    String create(@ModelAttribute UserForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            InvalidInput invalid = new InvalidInput();
            var roles = form.roleSet(invalid);
            Long memberId = form.member(invalid);
            Long unitId = form.unit(invalid);
            invalid.throwIfAny();
            UserView created = users.create(new NewUser(form.username(), form.password(), form.displayName(), roles,
                    memberId, unitId, form.email()));
            redirect.addFlashAttribute("notice", messages.get("users.created", created.username()));
            return "redirect:/users";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(invalid, messages), null);
        } catch (Conflict taken) {
            response.setStatus(409);
            return form(model, form, FormErrors.of(InvalidInput.field("username", taken.messageKey(), taken.args()), messages),
                    null);
        }
    }

    @GetMapping("/users/{id:\\d+}/edit")
    String editForm(@PathVariable Long id, Model model) {
        UserView user = users.get(id);
        return form(model, UserForm.of(user), FormErrors.none(), user);
    }

    @PostMapping("/users/{id:\\d+}")
    String edit(@PathVariable Long id, @ModelAttribute UserForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            InvalidInput invalid = new InvalidInput();
            var roles = form.roleSet(invalid);
            invalid.throwIfAny();
            // the display name is sent as typed, so that an emptied field is refused rather than ignored
            UserView saved = users.update(id, new UserService.UserChange(form.displayName() == null ? "" : form.displayName(),
                    roles, null, null, form.isEnabled(), form.newPassword(), form.emailOrEmpty()));
            redirect.addFlashAttribute("notice", messages.get("users.saved", saved.username()));
            return "redirect:/users";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(invalid, messages), users.get(id));
        }
    }

    @PostMapping("/users/{id:\\d+}/unlock")
    String unlock(@PathVariable Long id, RedirectAttributes redirect) {
        UserView user = users.unlock(id);
        redirect.addFlashAttribute("notice", messages.get("security.users.unlocked", user.username()));
        return "redirect:/users/" + id + "/edit";
    }

    private String form(Model model, UserForm form, FormErrors errors, UserView existing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("existing", existing);
        model.addAttribute("locked", existing != null && users.isLocked(existing.id()));
        List<MemberSummary> all = members.all();
        List<UnitView> units = reference.units();
        model.addAttribute("members", all);
        model.addAttribute("units", units);
        model.addAttribute("memberNames", all.stream().collect(Collectors.toMap(MemberSummary::id, MemberSummary::name)));
        model.addAttribute("unitNames", units.stream().collect(Collectors.toMap(UnitView::id, UnitView::name)));
        return "identity/form";
    }

    private Map<Long, String> memberNames() {
        return members.all().stream().collect(Collectors.toMap(MemberSummary::id, MemberSummary::name));
    }

    private Map<Long, String> unitNames() {
        return reference.units().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
    }
}
