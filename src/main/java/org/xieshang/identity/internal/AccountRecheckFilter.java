package org.xieshang.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xieshang.shared.CurrentUser;

/**
 * Ends a web session whose account was disabled or whose roles, scope or password changed since
 * sign-in: the request then goes on unauthenticated (sign-in page, or 401). Bearer tokens are
 * revoked on such changes and checked against the same account state when resolved, so they pass here.
 * A user who must change an administrator-set password reaches only the password change (and
 * signing out) until they have.
 */
class AccountRecheckFilter extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final Set<String> ALLOWED_WHILE_CHANGE_REQUIRED = Set.of(PASSWORD_PAGE, "/logout", "/login", "/error",
            "/favicon.ico", "/api/v1/me", "/api/v1/me/password", "/api/v1/auth/token");

    private final AccountRecheck recheck;
    private final ProblemWriter problems;

    AccountRecheckFilter(AccountRecheck recheck, ProblemWriter problems) {
        this.recheck = recheck;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            Optional<AccountRecheck.State> state = recheck.state(user.id());
            boolean bearer = request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE) != null;
            boolean valid = bearer || (auth.getDetails() instanceof CredentialsStamp stamp
                    && state.map(s -> s.enabled() && s.credentialsVersion() == stamp.version()).orElse(false));
            if (!valid) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (state.map(AccountRecheck.State::passwordChangeRequired).orElse(false)
                    && !allowedWhileChangeRequired(request)) {
                if (request.getRequestURI().startsWith("/api/")) {
                    problems.write(request, response, 403, "security.password.changeRequired");
                } else {
                    response.sendRedirect(PASSWORD_PAGE);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhileChangeRequired(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ALLOWED_WHILE_CHANGE_REQUIRED.contains(path) || path.startsWith("/static/") || path.startsWith("/webjars/");
    }
}
