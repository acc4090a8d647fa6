package org.xieshang.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers are believed only from the reverse proxies listed in
 * {@code XIESHANG_TRUSTED_PROXIES} (addresses or CIDR ranges): from those, the client's address
 * (X-Forwarded-For, the nearest address that is not a trusted proxy) and the scheme
 * (X-Forwarded-Proto: https makes the request secure, so the session cookie is Secure and HSTS is
 * sent). From anyone else they are removed, so that no client picks its own address for the
 * login throttle. X-Forwarded-Host is never used: redirects are relative.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxyFilter extends OncePerRequestFilter {

    private static final Set<String> FORWARDED = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-real-ip");

    /** An address range: network bits of a base address. */
    record Range(byte[] base, int bits) {
        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int total = base.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .shiftRight(bits).xor(BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, base).and(mask));
        }
    }

    private final List<Range> trusted;

    TrustedProxyFilter(@Value("${xieshang.trusted-proxies:}") String trustedProxies) {
        this.trusted = parse(trustedProxies);
    }

    static List<Range> parse(String spec) {
        List<Range> ranges = new ArrayList<>();
        if (spec == null) {
            return ranges;
        }
        for (String part : spec.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pieces = part.strip().split("/", 2);
            byte[] base = literal(pieces[0]);
            if (base == null) {
                throw new IllegalArgumentException("XIESHANG_TRUSTED_PROXIES: not an address: " + part);
            }
            int bits = pieces.length == 2 ? Integer.parseInt(pieces[1]) : base.length * 8;
            ranges.add(new Range(base, bits));
        }
        return List.copyOf(ranges);
    }

    /** The bytes of an IP address literal; null for anything else (never a name lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isBlank() || !text.strip().matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text.strip()).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isTrusted(request.getRemoteAddr())) {
            chain.doFilter(hasForwarded(request) ? new Forwarded(request, request.getRemoteAddr(), null) : request, response);
            return;
        }
        // walk X-Forwarded-For from the nearest hop back, skipping our own proxies
        String client = request.getRemoteAddr();
        String header = request.getHeader("X-Forwarded-For");
        if (header != null) {
            List<String> hops = Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                if (literal(hops.get(i)) == null) {
                    break; // not an address: stop believing the chain here
                }
                client = hops.get(i);
                if (!isTrusted(client)) {
                    break;
                }
            }
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        String scheme = proto == null ? null : proto.strip().toLowerCase(Locale.ROOT);
        chain.doFilter(new Forwarded(request, client, "https".equals(scheme) || "http".equals(scheme) ? scheme : null),
                response);
    }

    private static boolean hasForwarded(HttpServletRequest request) {
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            if (FORWARDED.contains(names.nextElement().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The request as the client made it: its address and scheme; forwarded headers hidden. */
    static final class Forwarded extends HttpServletRequestWrapper {
        private final String address;
        private final String scheme;

        Forwarded(HttpServletRequest request, String address, String scheme) {
            super(request);
            this.address = address;
            this.scheme = scheme;
        }

        @Override
        public String getRemoteAddr() {
            return address;
        }

        @Override
        public String getRemoteHost() {
            return address;
        }

        @Override
        public String getScheme() {
            return scheme != null ? scheme : super.getScheme();
        }

        @Override
        public boolean isSecure() {
            return scheme != null ? scheme.equals("https") : super.isSecure();
        }

        @Override
        public int getServerPort() {
            return scheme == null ? super.getServerPort() : scheme.equals("https") ? 443 : 80;
        }

        @Override
        public String getHeader(String name) {
            return FORWARDED.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return FORWARDED.contains(name.toLowerCase(Locale.ROOT)) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                String n = all.nextElement();
                if (!FORWARDED.contains(n.toLowerCase(Locale.ROOT))) {
                    names.add(n);
                }
            }
            return Collections.enumeration(names);
        }
    }
}
