package org.xieshang.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates an API request from its {@code Authorization: Bearer} token, if any. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String TOKEN_ATTRIBUTE = BearerTokenFilter.class.getName() + ".token";

    private final AuthService auth;
    /** Only requests under this path (null: all), e.g. the metrics endpoint among the pages. */
    private final String onlyUnder;

    BearerTokenFilter(AuthService auth) {
        this(auth, null);
    }

    BearerTokenFilter(AuthService auth, String onlyUnder) {
        this.auth = auth;
        this.onlyUnder = onlyUnder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return onlyUnder != null && !request.getRequestURI().startsWith(onlyUnder);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            if (!token.isEmpty() && token.length() < 200) {
                auth.resolve(token).ifPresent(user -> {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(SecurityConfig.authenticated(user));
                    SecurityContextHolder.setContext(context);
                    request.setAttribute(TOKEN_ATTRIBUTE, token);
                });
            }
        }
        chain.doFilter(request, response);
    }
}
