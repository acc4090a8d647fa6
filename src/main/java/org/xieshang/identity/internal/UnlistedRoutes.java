package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The decision for a request no rule of {@link RouteRules} lists. A controller method behind it
 * is refused (deny by default: a forgotten rule never opens a route). A request no controller
 * answers is let through for a signed-in user only, so that it gets its honest 404 or 405.
 */
final class UnlistedRoutes implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<RequestMappingHandlerMapping> mapping;

    UnlistedRoutes(ObjectProvider<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(signedIn && !hasHandler(context.getRequest()));
    }

    boolean hasHandler(HttpServletRequest request) {
        HttpServletRequest probe = new Probe(request);
        try {
            ServletRequestPathUtils.parseAndCache(probe);
            return mapping.getObject().getHandler(probe) != null;
        } catch (org.springframework.web.HttpRequestMethodNotSupportedException wrongMethod) {
            return false; // answered 405
        } catch (Exception other) {
            return true; // cannot tell: refuse
        }
    }

    /** The request with attributes of its own, so that looking up its handler leaves no trace on it. */
    private static final class Probe extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }
    }
}
