package org.xieshang.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.xieshang.shared.i18n.Messages;

/**
 * The language of a request: the page switch ({@code ?lang=en}, kept in a cookie), else
 * Accept-Language among the supported ones, else Simplified Chinese.
 */
@Configuration
public class LanguageConfig implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    static final String COOKIE = "xs-lang";

    /** The language of a request, also for filters that run before Spring MVC. */
    public static Locale resolve(HttpServletRequest request) {
        return RESOLVER.resolveLocale(request);
    }

    private static final LocaleResolver RESOLVER = new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                // switched during this request (?lang=): the page that answers is already in the new language
                if (request.getAttribute(COOKIE) instanceof Locale switched) {
                    return switched;
                }
                if (request.getCookies() != null && !request.getRequestURI().startsWith("/api/")) {
                    for (Cookie cookie : request.getCookies()) {
                        if (COOKIE.equals(cookie.getName())) {
                            return supported(Locale.forLanguageTag(cookie.getValue()));
                        }
                    }
                }
                String header = request.getHeader("Accept-Language");
                if (header == null || header.isBlank()) {
                    return Messages.DEFAULT_LOCALE;
                }
                try {
                    for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                        String lang = range.getRange().split("-")[0];
                        if (lang.equals("zh")) {
                            return Locale.SIMPLIFIED_CHINESE;
                        }
                        if (lang.equals("en")) {
                            return Locale.ENGLISH;
                        }
                    }
                } catch (IllegalArgumentException malformed) {
                    return Messages.DEFAULT_LOCALE;
                }
                return Messages.DEFAULT_LOCALE;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                request.setAttribute(COOKIE, supported(locale));
                Cookie cookie = new Cookie(COOKIE, supported(locale).toLanguageTag());
                cookie.setPath("/");
                cookie.setHttpOnly(true);
                cookie.setMaxAge(365 * 24 * 3600);
                response.addCookie(cookie);
            }
        };

    @Bean
    public LocaleResolver localeResolver() {
        return RESOLVER;
    }

    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }
}
