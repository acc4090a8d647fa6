package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.xieshang.shared.web.LanguageConfig;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.error.TooManyRequests;

/**
 * Two filter chains: the stateless API with bearer tokens (problem+json for 401/403), and the
 * pages with form login, a session and CSRF protection.
 */
@Configuration
class SecurityConfig {

    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("too many attempts");
        }
    }

    /**
     * No observations of Spring Security's own: they wrap each filter of the chain in an observation
     * of its own on every request (issue 16, per-request cost). The request metrics
     * ({@code http.server.requests}, per route and status) come from Spring MVC and stay.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm id stored so it can be upgraded later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider formLoginProvider(AuthService auth) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
                try {
                    AuthService.SignedIn signedIn = auth.authenticate(authentication.getName(),
                            String.valueOf(authentication.getCredentials()), address);
                    UsernamePasswordAuthenticationToken token = authenticated(signedIn.user());
                    token.setDetails(new CredentialsStamp(signedIn.credentialsVersion()));
                    return token;
                } catch (TooManyRequests tooMany) {
                    throw new Throttled();
                } catch (AccountLocked locked) {
                    throw new org.springframework.security.authentication.LockedException("locked");
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
    }

    @Bean
    UnlistedRoutes unlistedRoutes(@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                                  org.springframework.beans.factory.ObjectProvider<
                                          org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> mapping) {
        return new UnlistedRoutes(mapping);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthService auth, AccountRecheck recheck, ProblemWriter problems,
                                 UnlistedRoutes unlisted, MessageSource messages) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .authorizeHttpRequests(a -> RouteRules.apply(a, unlisted))
                .addFilterBefore(new BearerTokenFilter(auth), BasicAuthenticationFilter.class)
                .addFilterBefore(new AccountRecheckFilter(recheck, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(req, res, 401, messages))
                        .accessDeniedHandler((req, res, ex) -> problem(req, res, 403, messages)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuthService auth, AccountRecheck recheck, ProblemWriter problems,
                                  UnlistedRoutes unlisted) throws Exception {
        // a metrics scraper signs in with an ADMIN's bearer token; pages use sessions only
        http.addFilterBefore(new BearerTokenFilter(auth, "/actuator/"), BasicAuthenticationFilter.class)
                .addFilterBefore(new AccountRecheckFilter(recheck, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> RouteRules.apply(a, unlisted))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, ex) -> res.sendRedirect(
                                ex instanceof Throttled ? "/login?throttled"
                                        : ex instanceof org.springframework.security.authentication.LockedException
                                        ? "/login?locked" : "/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res, int status,
                                MessageSource messages) throws java.io.IOException {
        String key = status == 401 ? "error.unauthenticated" : "error.forbidden";
        java.util.Locale locale = LanguageConfig.resolve(req);
        String detail = messages.getMessage(key, null, locale);
        String title = messages.getMessage("error.http." + status, null, locale);
        res.setStatus(status);
        res.setContentType("application/problem+json;charset=UTF-8");
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Bearer");
        }
        res.getWriter().write("{\"type\":\"urn:xieshang:problem:" + status + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }
}
