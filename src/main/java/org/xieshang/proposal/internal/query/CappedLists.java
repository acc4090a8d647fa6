package org.xieshang.proposal.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseCondition;
import org.xieshang.proposal.internal.ProposerKind;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * A newest-first list page read as the union of indexed sub-queries, with keyset (cursor) paging and a
 * total that is exact only up to {@link #CAP}.
 *
 * <p>The scope rule is an OR of alternatives (proposer, all cases, lead unit, co-unit, lead leader,
 * published). One OR makes the database read the whole scope to sort it; instead each alternative
 * (a "branch", with the list's filters) reads at most {@code offset + size + 1} rows of
 * {@code (created_at, id)} newest first from its own index, and the branches are merged by that key
 * here, a case matching several counted once. The top rows of a union are among the top rows of its
 * parts, so the merge is exact. Only the page's rows are then loaded, by id.
 *
 * <p>With a cursor (the last row's {@code (created_at, id)}), each branch starts below it, so a client
 * walking the list reads only the page it shows, and cases created meanwhile (newer) do not shift it.
 *
 * <p>The total: the ids of at most {@value #CAP} + 1 matching cases per branch, in no order (the
 * database stops at the limit), united; exact when at most {@value #CAP}, else {@value #CAP} + 1 meaning
 * "more than {@value #CAP}" ({@link Result#totalExact()} false; the pages show "10,000+"). A first page
 * shorter than the page size is its own total, and the last page of an offset walk knows its total.
 * A list given an exact {@link Total} (the staff's, from the statistics read model: {@link ListTotals})
 * is not counted at all.
 */
@Component
class CappedLists {

    static final int CAP = 10_000;
    /** Page numbers whose rows lie deeper than this are read with the database's offset over one OR. */
    static final int DEEP = 10_000;

    /**
     * The page, whether its total is exact, the cursor of the next page (null on the last) and the count's
     * bound (when not exact, the list has more than that many cases).
     */
    record Result(PageImpl<SummaryRow> page, boolean totalExact, String nextCursor, int bound) {
    }

    /**
     * What a list shows of a case (ProposalSummary without the lead proposer's name): a narrow, read-only
     * projection instead of the whole entity (no managed copy, no dirty check, no long text columns).
     */
    record SummaryRow(Long id, String number, String title, String category, ProposalStatus status,
                      ProposerKind proposerKind, String collectiveName, Long leadUnitId, LocalDate dueDate, boolean key,
                      LocalDate submittedOn, Instant createdAt) {
    }

    /** An exact total counted some cheaper way than up to the cap (see {@link ListTotals}); null when it cannot tell. */
    @FunctionalInterface
    interface Total {
        Long count(int cap);
    }

    private static final Comparator<Key> NEWEST = Comparator.comparing(Key::createdAt).thenComparing(Key::id).reversed();

    private final JdbcTemplate jdbc;
    /** {@link #CAP}; tests lower it to reach the capped case with a handful of rows. */
    private int cap = CAP;
    /** {@link #DEEP}; tests lower it to reach deep pages with a handful of rows. */
    private int deep = DEEP;

    CappedLists(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param branches the alternatives whose union is the list (each with the list's filters), conditions on
     *                 the current committee's cases
     * @param page     page number and size; the order is always {@code created_at desc, id desc}
     * @param after    the cursor's key, or null to start at the offset of the page number
     */
    Result page(List<CaseCondition> branches, Pageable page, ListCursor after) {
        return page(branches, page, after, null);
    }

    /**
     * As {@link #page(List, Pageable, ListCursor)}, with a cheaper exact total when the list has one.
     *
     * @param exact the list's exact total, or null (then the ids are counted up to the cap)
     */
    Result page(List<CaseCondition> branches, Pageable page, ListCursor after, Total exact) {
        int offset = after == null ? (int) page.getOffset() : 0;
        int size = page.getPageSize();
        List<Key> shown;
        boolean more;
        if ((long) offset + size > deep) {
            // a deep page number: merging offset + size keys of every branch in memory would cost more
            // than letting the database skip them in one query over the OR of the branches
            List<Key> window = keys(CaseCondition.anyOf(branches), null, offset, size + 1);
            shown = window.subList(0, Math.min(size, window.size()));
            more = window.size() > size;
        } else {
            TreeSet<Key> merged = new TreeSet<>(NEWEST);
            for (CaseCondition branch : branches) {
                merged.addAll(keys(branch, after, 0, offset + size + 1));
            }
            List<Key> ordered = new ArrayList<>(merged);
            shown = offset >= ordered.size() ? List.of() : ordered.subList(offset, Math.min(ordered.size(), offset + size));
            more = ordered.size() > offset + size;
        }
        List<SummaryRow> content = load(shown);
        String next = more && !shown.isEmpty() ? ListCursor.of(shown.get(shown.size() - 1).createdAt(),
                shown.get(shown.size() - 1).id()).encode() : null;
        long total;
        boolean isExact;
        Long known;
        if (after == null && !more && (offset == 0 || !content.isEmpty())) {
            total = offset + content.size();
            isExact = true;
        } else if (exact != null && (known = exact.count(cap)) != null) {
            total = known;
            isExact = true;
        } else {
            Set<Long> ids = new HashSet<>();
            for (CaseCondition branch : branches) {
                ids.addAll(ids(jdbc, branch, cap + 1));
                if (ids.size() > cap) {
                    break;
                }
            }
            long counted = Math.min(ids.size(), cap + 1);
            isExact = counted <= cap;
            // beyond the cap the total stays cap + 1 ("more than"), whatever page is shown
            total = !isExact || content.isEmpty() || after != null ? counted : Math.max(counted, offset + content.size());
        }
        return new Result(new PageImpl<>(content, page, total), isExact, next, cap);
    }

    private record Key(Instant createdAt, Long id) {
    }

    /**
     * Up to {@code limit} keys of a branch newest first, from {@code first} on. Plain SQL like {@link #rows}:
     * as a criteria query its translation cost more CPU than the database's index read (docs/perf.md).
     */
    private List<Key> keys(CaseCondition branch, ListCursor after, int first, int limit) {
        StringBuilder sql = new StringBuilder("select created_at, id from proposal where committee_id = ? and (")
                .append(branch.sql()).append(')');
        List<Object> args = new ArrayList<>(branch.args().size() + 6);
        args.add(CommitteeContext.current());
        args.addAll(branch.args());
        if (after != null) {
            // (created_at, id) < (c, i), written so that created_at <= c bounds the index range
            OffsetDateTime c = OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC);
            sql.append(" and created_at <= ? and (created_at < ? or id < ?)");
            args.add(c);
            args.add(c);
            args.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        args.add(limit);
        if (first > 0) {
            sql.append(" offset ?");
            args.add(first);
        }
        return jdbc.query(sql.toString(), (rs, n) -> new Key(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)),
                args.toArray());
    }

    /** The ids of up to {@code limit} cases of a branch of the current committee, in no order (the capped count; ListTotals' drafts). */
    static List<Long> ids(JdbcTemplate jdbc, CaseCondition branch, int limit) {
        List<Object> args = new ArrayList<>(branch.args().size() + 2);
        args.add(CommitteeContext.current());
        args.addAll(branch.args());
        args.add(limit);
        return jdbc.queryForList("select id from proposal where committee_id = ? and (" + branch.sql() + ") limit ?",
                Long.class, args.toArray());
    }

    /** The page's rows by id, in the page's order. */
    private List<SummaryRow> load(List<Key> shown) {
        return rows(shown.stream().map(Key::id).toList());
    }

    /**
     * The rows of these cases (of the current committee), in the order of the ids given. Plain SQL: Hibernate
     * translates every HQL or criteria query again on each execution here, because the committee's
     * {@code @TenantId} is an enabled filter and enabled filters bypass its query plan cache; for a list
     * page that translation cost more CPU than the query (docs/perf.md, "Lists").
     */
    List<SummaryRow> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(CommitteeContext.current());
        args.addAll(ids);
        Map<Long, SummaryRow> byId = new HashMap<>();
        jdbc.query("select id, number, title, category, status, proposer_kind, collective_name, lead_unit_id, due_date,"
                + " is_key, submitted_on, created_at from proposal where committee_id = ? and id in ("
                + org.xieshang.shared.jpa.BindMarks.of(ids.size()) + ")", rs -> {
                    long id = rs.getLong(1);
                    long unit = rs.getLong(8);
                    Long leadUnit = rs.wasNull() ? null : unit;
                    java.time.OffsetDateTime created = rs.getObject(12, java.time.OffsetDateTime.class);
                    byId.put(id, new SummaryRow(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            ProposalStatus.valueOf(rs.getString(5)), ProposerKind.valueOf(rs.getString(6)), rs.getString(7),
                            leadUnit, rs.getObject(9, LocalDate.class), rs.getBoolean(10), rs.getObject(11, LocalDate.class),
                            created == null ? null : created.toInstant()));
                }, args.toArray());
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
