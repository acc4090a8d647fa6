package org.xieshang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the controller method of a request whose path has a variable ({@code /api/v1/proposals/{id}}):
 * Spring MVC then tries every one of the application's ~400 mappings in full (methods, headers,
 * media types, pattern). A mapping none of whose patterns' leading literal segments equal the
 * path's is skipped first (issue 16: a seventh of a case read's CPU). The choice is unchanged:
 * a skipped mapping could not have matched.
 */
@Configuration
public class RouteLookupConfig {

    @Bean
    WebMvcRegistrations routeLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixCheckedMapping();
            }
        };
    }

    public static final class PrefixCheckedMapping extends RequestMappingHandlerMapping {

        private static final String[][] ANY = new String[0][];
        /**
         * Per mapping (by identity: its hash code is computed anew on each call), each pattern's
         * leading literal segments; ANY when a pattern has none. Copied on write: mappings are
         * registered at start-up, read on every request.
         */
        private volatile Map<RequestMappingInfo, String[][]> literals = new IdentityHashMap<>();

        @Override
        protected void registerHandlerMethod(Object handler, java.lang.reflect.Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            synchronized (this) {
                Map<RequestMappingInfo, String[][]> copy = new IdentityHashMap<>(literals);
                copy.put(mapping, prefixes(mapping));
                literals = copy;
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String[][] prefixes = literals.get(info); // null: registered otherwise, not pre-checked
            if (indexed && prefixes != null && prefixes != ANY && ServletRequestPathUtils.hasParsedRequestPath(request)) {
                List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
                        .pathWithinApplication().elements();
                if (LiteralPrefix.applies(elements) && !mayMatch(prefixes, elements)) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }

        /** A mapping, its handler method and the leading literal segments of its patterns (ANY: none). */
        private record Candidate(RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler, String[][] prefixes) {
        }

        /** Segments that key the index: a request's first ones pick the mappings that may match it. */
        private static final int KEY_SEGMENTS = 3;

        /** Mappings by their first KEY_SEGMENTS literal segments; null until built, or after a mapping changed. */
        private volatile Map<String, List<Candidate>> index;
        /** Mappings with fewer literal segments: tried for every request. */
        private volatile List<Candidate> shortOnes = List.of();
        /** Off: Spring MVC's own search only (tests compare both). */
        volatile boolean indexed = true;

        /** For tests: whether to pre-check and index (true) or leave the search to Spring MVC alone. */
        public void indexed(boolean on) {
            indexed = on;
        }

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            Map<String, List<Candidate>> byKey = new java.util.HashMap<>();
            List<Candidate> shorter = new ArrayList<>();
            getHandlerMethods().forEach((info, handler) -> {
                String[][] prefixes = prefixes(info);
                Candidate c = new Candidate(info, handler, prefixes);
                java.util.Set<String> keys = new java.util.HashSet<>();
                for (String[] prefix : prefixes) {
                    keys.add(prefix.length >= KEY_SEGMENTS ? String.join("/", java.util.Arrays.copyOf(prefix, KEY_SEGMENTS)) : null);
                }
                if (prefixes == ANY || keys.contains(null)) {
                    shorter.add(c);
                } else {
                    keys.forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
                }
            });
            shortOnes = List.copyOf(shorter);
            index = Map.copyOf(byKey);
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
            index = null; // the index no longer lists every mapping: full search from now on
            super.registerMapping(mapping, handler, method);
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            index = null;
            super.unregisterMapping(mapping);
        }

        /**
         * When exactly one of the mappings that may match the path does match, it is the handler,
         * as Spring MVC's search of every mapping would find (it compares matches only when there
         * are several: then, or with none, that search decides, as before).
         */
        @Override
        protected org.springframework.web.method.HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
                throws Exception {
            Map<String, List<Candidate>> byKey = index;
            if (indexed && byKey != null && ServletRequestPathUtils.hasParsedRequestPath(request)) {
                List<PathContainer.Element> elements = ServletRequestPathUtils.getParsedRequestPath(request)
                        .pathWithinApplication().elements();
                if (LiteralPrefix.applies(elements)) {
                    Candidate found = null;
                    RequestMappingInfo matched = null;
                    int matches = 0;
                    String key = key(elements);
                    for (List<Candidate> list : key == null ? List.of(shortOnes) : List.of(byKey.getOrDefault(key, List.of()), shortOnes)) {
                        for (Candidate c : list) {
                            if (c.prefixes() != ANY && !mayMatch(c.prefixes(), elements)) {
                                continue;
                            }
                            RequestMappingInfo m = super.getMatchingMapping(c.info(), request);
                            if (m != null) {
                                matches++;
                                found = c;
                                matched = m;
                            }
                        }
                    }
                    if (matches == 1) {
                        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, found.handler());
                        handleMatch(matched, lookupPath, request);
                        return found.handler();
                    }
                }
            }
            return super.lookupHandlerMethod(lookupPath, request);
        }

        /** The path's first KEY_SEGMENTS segments joined by "/", null when it has fewer or a double slash. */
        private static String key(List<PathContainer.Element> elements) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < KEY_SEGMENTS; i++) {
                int at = 2 * i + 1;
                if (at >= elements.size() || !(elements.get(at) instanceof PathContainer.PathSegment s)) {
                    return null;
                }
                key.append(i == 0 ? "" : "/").append(s.valueToMatch());
            }
            return key.toString();
        }

        private static boolean mayMatch(String[][] prefixes, List<PathContainer.Element> elements) {
            for (String[] prefix : prefixes) {
                if (LiteralPrefix.mayMatch(prefix, elements)) {
                    return true;
                }
            }
            return false;
        }

        private static String[][] prefixes(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || condition.getPatterns().isEmpty()) {
                return ANY;
            }
            List<String[]> prefixes = new ArrayList<>();
            for (PathPattern pattern : condition.getPatterns()) {
                String[] prefix = LiteralPrefix.of(pattern.getPatternString());
                if (prefix.length == 0) {
                    return ANY;
                }
                prefixes.add(prefix);
            }
            return prefixes.toArray(String[][]::new);
        }
    }
}
