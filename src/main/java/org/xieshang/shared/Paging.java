package org.xieshang.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.xieshang.shared.error.InvalidInput;

/** Validates {@code ?page=&size=} (size at most 200) into a page request; pages clamp with {@link #clamped}. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw InvalidInput.field("page", "validation.page");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InvalidInput.field("size", "validation.size", MAX_SIZE);
        }
        // the row offset must fit the database's integer, or the query fails
        if ((long) p * s > Integer.MAX_VALUE) {
            throw InvalidInput.field("page", "validation.range", 0, Integer.MAX_VALUE / s);
        }
        return PageRequest.of(p, s, sort);
    }

    /**
     * A page number read from a page's address, clamped instead of refused: an unreadable, negative or
     * absurd number shows the first or an (empty) far page, and the row offset still fits the database's integer.
     */
    public static PageRequest clamped(Integer page, int size, Sort sort) {
        int s = Math.max(1, Math.min(size, MAX_SIZE));
        int p = page == null ? 0 : Math.max(0, Math.min(page, Integer.MAX_VALUE / s - 1));
        return PageRequest.of(p, s, sort);
    }
}
