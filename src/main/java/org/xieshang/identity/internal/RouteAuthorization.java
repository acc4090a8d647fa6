package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.xieshang.shared.web.LiteralPrefix;

/**
 * The decision of {@link RouteRules} for a request: the first rule (most specific first) whose
 * method and pattern match decides, else {@link UnlistedRoutes}. The same as registering each rule
 * with Spring Security's request matchers, which try ~400 rules one by one, each reading the
 * request's method and path through its wrappers and allocating a sub-path (issue 16: a tenth of
 * a case read's CPU). Here the method and path are read once, and a rule whose leading literal
 * segments differ from the path's is skipped without matching its pattern.
 */
final class RouteAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** One rule: its method (null: any), pattern, literal leading segments and decision. */
    private record Entry(String method, PathPattern pattern, String[] literals,
                         AuthorizationManager<RequestAuthorizationContext> access) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final AuthorizationManager<RequestAuthorizationContext> unlisted;

    RouteAuthorization(List<RouteRules.Rule> rules, AuthorizationManager<RequestAuthorizationContext> unlisted) {
        this.unlisted = unlisted;
        for (RouteRules.Rule rule : rules) {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(rule.pattern());
            entries.add(new Entry(rule.method() == null ? null : rule.method().name(), pattern,
                    LiteralPrefix.of(pattern.getPatternString()), access(rule.access())));
        }
    }

    private static AuthorizationManager<RequestAuthorizationContext> access(RouteRules.Access access) {
        if (access.isPublic()) {
            return SingleResultAuthorizationManager.permitAll();
        }
        if (access.signedInOnly()) {
            return AuthenticatedAuthorizationManager.authenticated();
        }
        return AuthorityAuthorizationManager.hasAnyRole(access.roles().stream().map(Enum::name).sorted().toArray(String[]::new));
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        int rule = decidingRule(context.getRequest());
        return rule < 0 ? unlisted.authorize(authentication, context) : entries.get(rule).access().authorize(authentication, context);
    }

    /** The index (in the order given) of the first rule that matches the request; -1 for none. */
    int decidingRule(HttpServletRequest request) {
        String method = request.getMethod();
        PathContainer path = path(request);
        List<PathContainer.Element> elements = path.elements();
        boolean segmented = LiteralPrefix.applies(elements);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if ((e.method() == null || e.method().equals(method)) && (!segmented || LiteralPrefix.mayMatch(e.literals(), elements))
                    && e.pattern().matches(path)) {
                return i;
            }
        }
        return -1;
    }

    /** The path within the application, as Spring Security's path pattern matcher reads it. */
    private static PathContainer path(HttpServletRequest request) {
        RequestPath path;
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            path = ServletRequestPathUtils.getParsedRequestPath(request);
        } else {
            path = ServletRequestPathUtils.parseAndCache(request);
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
        return path.subPath(path.contextPath().elements().size());
    }
}
