package org.xieshang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.SearchTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** A search cluster that times out or cannot be reached answers 503 with Retry-After, not 500; other faults stay 500. */
class SearchUnavailableTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(messages());
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/proposals");

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aTimeoutIs503WithRetryAfterInTheUsersLanguage() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        ResponseEntity<Object> answer = handler.search(new SearchTimeoutException("HSEARCH000000: timed out"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).isEqualTo("搜索服务暂时不可用，请稍后重试。");
    }

    @Test
    void anUnreachableClusterIs503() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ResponseEntity<Object> answer = handler.search(
                new SearchException("request failed", new IOException("Connection refused")), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).startsWith("Search is unavailable");
    }

    @Test
    void anyOtherSearchFaultStaysA500() {
        ResponseEntity<Object> answer = handler.search(new SearchException("unknown field 'x'"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
