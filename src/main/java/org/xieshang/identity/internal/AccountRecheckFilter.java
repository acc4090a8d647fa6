package org.xieshang.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xieshang.shared.CurrentUser;

/**
 * Ends a web session whose account was disabled or whose roles, scope or password changed since
 * sign-in: the request then goes on unauthenticated (sign-in page, or 401). Bearer tokens are
 * resolved from the database on every request and revoked on such changes, so they pass here.
 */
class AccountRecheckFilter extends OncePerRequestFilter {

    private final AccountRecheck recheck;

    AccountRecheckFilter(AccountRecheck recheck) {
        this.recheck = recheck;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user
                && request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE) == null) {
            boolean valid = auth.getDetails() instanceof CredentialsStamp stamp
                    && recheck.stillValid(user.id(), stamp.version());
            if (!valid) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
