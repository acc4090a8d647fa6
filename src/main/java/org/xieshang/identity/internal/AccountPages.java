package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.PageController;

/** The signed-in user's own account: changing their password (required after an admin set it). */
@PageController
class AccountPages {

    private final UserService users;
    private final AccountRecheck recheck;
    private final Messages messages;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    AccountPages(UserService users, AccountRecheck recheck, Messages messages) {
        this.users = users;
        this.recheck = recheck;
        this.messages = messages;
    }

    @GetMapping(AccountRecheckFilter.PASSWORD_PAGE)
    String form(Model model) {
        CurrentUser user = CurrentUsers.require();
        return page(model, user, FormErrors.none());
    }

    @PostMapping(AccountRecheckFilter.PASSWORD_PAGE)
    String change(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            if (newPassword != null && !newPassword.equals(confirmPassword)) {
                throw InvalidInput.field("confirmPassword", "security.password.mismatch");
            }
            long version = users.changeOwnPassword(currentPassword, newPassword, request.getSession().getId(), null);
            // this session stays signed in: stamped with the new credentials version
            UsernamePasswordAuthenticationToken auth = SecurityConfig.authenticated(user);
            auth.setDetails(new CredentialsStamp(version));
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
            redirect.addFlashAttribute("notice", messages.get("security.password.changed"));
            return "redirect:/";
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return page(model, user, FormErrors.of(invalid, messages));
        }
    }

    private String page(Model model, CurrentUser user, FormErrors errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("required", recheck.state(user.id()).map(AccountRecheck.State::passwordChangeRequired).orElse(false));
        return "identity/password";
    }
}
