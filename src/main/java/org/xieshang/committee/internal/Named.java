package org.xieshang.committee.internal;

/** A row of a name-only reference list (sectors, special committees), as the page shows it. */
public record Named(Long id, String name, boolean retired, long version) {
}
