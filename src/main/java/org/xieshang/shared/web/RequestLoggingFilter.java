package org.xieshang.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xieshang.shared.CurrentUsers;

/**
 * One structured line per request: method, path, status, duration, user. Never the query
 * string, headers or body, so passwords and tokens cannot reach the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestLoggingFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("xieshang.request");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/webjars/") || path.startsWith("/static/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String[] user = {"-"};
        try {
            chain.doFilter(request, response);
            user[0] = CurrentUsers.current().map(u -> u.username()).orElse("-");
        } finally {
            if (log.isInfoEnabled()) {
                log.atInfo().setMessage("request")
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", request.getRequestURI())
                        .addKeyValue("status", response.getStatus())
                        .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
                        .addKeyValue("user", user[0])
                        .log();
            }
        }
    }
}
