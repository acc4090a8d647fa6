package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Forwarded headers believed from the listed proxies only (XIESHANG_TRUSTED_PROXIES). */
class TrustedProxyFilterTest {

    private final TrustedProxyFilter filter = new TrustedProxyFilter("10.0.0.0/8, 192.168.1.5, fd00::/8");

    private HttpServletRequest through(String from, String forwardedFor, String proto) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setRemoteAddr(from);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            request.addHeader("X-Forwarded-Proto", proto);
        }
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void fromATrustedProxyTheClientAndSchemeAreBelieved() throws Exception {
        HttpServletRequest seen = through("10.1.2.3", "203.0.113.9", "https");
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.isSecure()).isTrue();
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
        assertThat(through("192.168.1.5", "203.0.113.9, 10.9.9.9", null).getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(through("fd12::1", "2001:db8::7", null).getRemoteAddr()).isEqualTo("2001:db8::7");
    }

    @Test
    void fromAnyoneElseTheHeadersAreIgnoredAndHidden() throws Exception {
        HttpServletRequest seen = through("198.51.100.1", "203.0.113.9", "https");
        assertThat(seen.getRemoteAddr()).isEqualTo("198.51.100.1");
        assertThat(seen.isSecure()).isFalse();
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
        assertThat(seen.getHeader("X-Forwarded-Proto")).isNull();
        assertThat(java.util.Collections.list(seen.getHeaderNames())).doesNotContain("X-Forwarded-For");
        // 192.168.1.6 is next to a trusted address, not one
        assertThat(through("192.168.1.6", "203.0.113.9", null).getRemoteAddr()).isEqualTo("192.168.1.6");
    }

    @Test
    void aForgedChainGivesTheNearestUntrustedHop() throws Exception {
        assertThat(through("10.0.0.1", "1.2.3.4, 198.51.100.7", null).getRemoteAddr()).isEqualTo("198.51.100.7");
        assertThat(through("10.0.0.1", "not-an-address, 10.0.0.2", null).getRemoteAddr()).isEqualTo("10.0.0.2");
    }

    @Test
    void withoutTrustedProxiesNothingIsBelieved() throws Exception {
        TrustedProxyFilter none = new TrustedProxyFilter("");
        assertThat(none.isTrusted("127.0.0.1")).isFalse();
        assertThatThrownBy(() -> new TrustedProxyFilter("proxy.example")).isInstanceOf(IllegalArgumentException.class);
    }
}
