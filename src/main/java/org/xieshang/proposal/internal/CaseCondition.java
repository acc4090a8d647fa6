package org.xieshang.proposal.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition on the {@code proposal} table (its columns unqualified) as SQL with its bind values in order:
 * the lists' scope alternatives and filters in plain SQL (docs/perf.md, "Lists: branch keys in plain SQL").
 * Plain SQL bypasses Hibernate's {@code @TenantId} filter, so the statements that use a condition name the
 * committee themselves, and a condition reading another table names it there as well.
 */
public record CaseCondition(String sql, List<Object> args) {

    public static final CaseCondition ALL = new CaseCondition("1 = 1", List.of());
    public static final CaseCondition NONE = new CaseCondition("1 = 0", List.of());

    public CaseCondition {
        args = List.copyOf(args);
    }

    public static CaseCondition of(String sql, Object... args) {
        return new CaseCondition(sql, List.of(args));
    }

    /** {@code column in (?, ...)}; matches nothing when the list is empty. */
    public static CaseCondition in(String column, List<?> values) {
        return values.isEmpty() ? NONE
                : new CaseCondition(column + " in (" + org.xieshang.shared.jpa.BindMarks.of(values.size()) + ")",
                new ArrayList<>(values));
    }

    public CaseCondition and(CaseCondition other) {
        if (this == ALL) {
            return other;
        }
        if (other == ALL) {
            return this;
        }
        List<Object> all = new ArrayList<>(args);
        all.addAll(other.args);
        return new CaseCondition("(" + sql + ") and (" + other.sql + ")", all);
    }

    public static CaseCondition anyOf(List<CaseCondition> alternatives) {
        if (alternatives.isEmpty()) {
            return NONE;
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        List<String> parts = new ArrayList<>();
        List<Object> all = new ArrayList<>();
        for (CaseCondition c : alternatives) {
            parts.add("(" + c.sql + ")");
            all.addAll(c.args);
        }
        return new CaseCondition(String.join(" or ", parts), all);
    }
}
