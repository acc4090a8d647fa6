package org.xieshang.shared.web;

import java.util.List;

/**
 * The mechanisms the main menu is grouped by, in menu order. A link belongs to the group whose
 * address prefix it starts with, so that a module's navigation entries need not name their group
 * (and the assessment and evaluation modules' links fall into place when they arrive). Home and the
 * inbox stand alone ({@link #NONE}).
 */
public enum NavGroup {
    NONE(List.of("/inbox")),
    PROPOSAL(List.of("/proposals", "/key-proposals", "/bulletins", "/follow-ups", "/search", "/stats")),
    MEMBER(List.of("/members")),
    SOCIAL_REPORT(List.of("/social-reports")),
    LIAISON(List.of("/liaison")),
    ACTIVITY(List.of("/activities")),
    ASSESSMENT(List.of("/assessment")),
    EVALUATION(List.of("/evaluations", "/township-assessments")),
    SYSTEM(List.of("/users", "/reference", "/calendar", "/audit"));

    private final List<String> prefixes;

    NavGroup(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /** The group of a link; links not listed above stand alone. */
    public static NavGroup of(String href) {
        for (NavGroup g : values()) {
            for (String prefix : g.prefixes) {
                if (href.equals(prefix) || href.startsWith(prefix + "/") || href.startsWith(prefix + "?")) {
                    return g;
                }
            }
        }
        return NONE;
    }

    public String labelKey() {
        return "nav.group." + name();
    }
}
