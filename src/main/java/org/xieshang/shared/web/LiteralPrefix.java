package org.xieshang.shared.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.PathContainer;

/**
 * A path pattern's leading literal segments ({@code /api/v1/proposals/{id}}: api, v1, proposals),
 * to skip a pattern cheaply when a request's path differs in one of them (issue 16: route lookup
 * and route authorization try hundreds of patterns per request). Only a necessary condition: a
 * path that passes is still matched against the pattern itself.
 */
public final class LiteralPrefix {

    private LiteralPrefix() {
    }

    /** The leading segments without variables, wildcards or escapes; none when the pattern does not start with "/". */
    public static String[] of(String pattern) {
        List<String> literals = new ArrayList<>();
        if (pattern.startsWith("/")) {
            for (String segment : pattern.substring(1).split("/", -1)) {
                if (segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
                        || segment.indexOf(';') >= 0 || segment.indexOf('%') >= 0 || segment.indexOf('\\') >= 0) {
                    break;
                }
                literals.add(segment);
            }
        }
        return literals.toArray(String[]::new);
    }

    /**
     * False when the path (elements of a path that starts with a separator) cannot match a pattern
     * with these leading literals: it is shorter, or a segment differs (compared as the pattern's
     * literal elements compare it, by its decoded value without parameters).
     */
    public static boolean mayMatch(String[] literals, List<PathContainer.Element> elements) {
        for (int i = 0; i < literals.length; i++) {
            int at = 2 * i + 1; // separator, segment, separator, segment...
            if (at >= elements.size()) {
                return false;
            }
            if (elements.get(at) instanceof PathContainer.PathSegment s && !literals[i].equals(s.valueToMatch())) {
                return false;
            }
        }
        return true;
    }

    /** True when the elements are laid out as {@link #mayMatch} expects: the path starts with a separator. */
    public static boolean applies(List<PathContainer.Element> elements) {
        return !elements.isEmpty() && elements.get(0) instanceof PathContainer.Separator;
    }
}
