package org.xieshang.shared.web;

/** One entry of the main navigation: label key, link, position. */
public record NavItem(String labelKey, String href, int order) {
}
