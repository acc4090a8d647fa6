package org.xieshang.shared.web;

/** One entry of the main navigation: label key, link, position, and the mechanism it belongs to. */
public record NavItem(String labelKey, String href, int order, NavGroup group) {

    /** An entry grouped by its address (see {@link NavGroup#of}). */
    public NavItem(String labelKey, String href, int order) {
        this(labelKey, href, order, NavGroup.of(href));
    }
}
