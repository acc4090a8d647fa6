package org.xieshang.proposal.internal.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseCondition;
import org.xieshang.proposal.internal.ProposerKind;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.shared.jpa.Columns;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * A newest-first list page read as the union of indexed sub-queries, with keyset (cursor) paging and a
 * total that is exact only up to {@link #CAP}.
 *
 * <p>The scope rule is an OR of alternatives (proposer, all cases, lead unit, co-unit, lead leader,
 * published). One OR makes the database read the whole scope to sort it; instead each alternative
 * (a "branch", with the list's filters) reads at most {@code offset + size + 1} rows of
 * {@code (created_at, id)} newest first from its own index, and the database unites them and orders the
 * union by that key, a case matching several counted once. The top rows of a union are among the top rows
 * of its parts, so the merge is exact. Only the page's rows are joined, with their lead proposer, in the
 * same statement.
 *
 * <p>With a cursor (the last row's {@code (created_at, id)}), each branch starts below it, so a client
 * walking the list reads only the page it shows, and cases created meanwhile (newer) do not shift it.
 *
 * <p>The total: the ids of at most {@value #CAP} + 1 matching cases per branch, in no order (the
 * database stops at the limit), united and counted by the database; exact when at most {@value #CAP}, else {@value #CAP} + 1 meaning
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
     * What a list shows of a case (ProposalSummary with the lead proposer's id for the name): a narrow, read-only
     * projection instead of the whole entity (no managed copy, no dirty check, no long text columns).
     */
    record SummaryRow(Long id, String number, String title, String category, ProposalStatus status,
                      ProposerKind proposerKind, String collectiveName, Long leadUnitId, LocalDate dueDate, boolean key,
                      LocalDate submittedOn, Instant createdAt, Long leadMemberId) {
    }

    /** An exact total counted some cheaper way than up to the cap (see {@link ListTotals}); null when it cannot tell. */
    @FunctionalInterface
    interface Total {
        Long count(int cap);
    }

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
     * @param exact    the list's exact total when it has a cheaper one than counting (ListTotals), or null
     *                 (then the ids are counted up to the cap)
     */
    Result page(List<CaseCondition> branches, Pageable page, ListCursor after, Total exact) {
        int offset = after == null ? (int) page.getOffset() : 0;
        int size = page.getPageSize();
        List<SummaryRow> window;
        if ((long) offset + size > deep) {
            // a deep page number: merging offset + size keys of every branch would cost more than letting the
            // database skip them in one query over the OR of the branches
            List<Key> keys = keys(CaseCondition.anyOf(branches), offset, size + 1);
            window = rows(keys.stream().map(Key::id).toList());
        } else {
            window = merged(branches, after, offset, size + 1);
        }
        // one row more than the page says whether another page follows
        List<SummaryRow> content = window.subList(0, Math.min(size, window.size()));
        boolean more = window.size() > size;
        String next = more && !content.isEmpty() ? ListCursor.of(content.get(content.size() - 1).createdAt(),
                content.get(content.size() - 1).id()).encode() : null;
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
            long counted = Math.min(count(jdbc, branches, cap + 1), cap + 1);
            isExact = counted <= cap;
            // beyond the cap the total stays cap + 1 ("more than"), whatever page is shown
            total = !isExact || content.isEmpty() || after != null ? counted : Math.max(counted, offset + content.size());
        }
        return new Result(new PageImpl<>(List.copyOf(content), page, total), isExact, next, cap);
    }

    /**
     * Rows {@code first .. first + limit} of the union of the branches, newest first, in one statement: each
     * branch reads at most {@code first + limit} keys from its own index (below the cursor, if any), the
     * database unites them (a case in several branches counted once), orders the union and joins the rows of
     * the window with their lead proposer. One statement instead of one per branch and two for the rows and
     * proposers: every round trip costs CPU in the application and the database (docs/perf.md).
     */
    private List<SummaryRow> merged(List<CaseCondition> branches, ListCursor after, int first, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SUMMARY_SELECT).append(" from (select created_at, id from (");
        args.add(CommitteeContext.current()); // the lead proposer's sub-select
        String union = "";
        for (CaseCondition branch : branches) {
            sql.append(union).append("(select created_at, id from proposal where committee_id = ? and (")
                    .append(branch.sql()).append(')');
            union = " union ";
            args.add(CommitteeContext.current());
            args.addAll(branch.args());
            before(sql, args, after);
            // the limits are literals (numbers computed here): H2 reuses a derived table's last result when only
            // a bound limit inside it differs (ListCursorApiTest saw a page of 3 answer a request for 201)
            sql.append(" order by created_at desc, id desc limit ").append(first + limit).append(')');
        }
        // the window of keys first, then only its rows joined (a deep page must not join the keys it skips)
        sql.append(") u order by created_at desc, id desc limit ").append(limit);
        if (first > 0) {
            sql.append(" offset ").append(first);
        }
        sql.append(") k join proposal p on p.id = k.id and p.committee_id = ? order by k.created_at desc, k.id desc");
        args.add(CommitteeContext.current());
        return jdbc.query(sql.toString(), CappedLists::summary, args.toArray());
    }

    /**
     * How many cases the union of the branches holds, counting at most {@code limit} of each branch (in no
     * order: the database stops at the limit): exact when below {@code limit}. One statement; the database
     * unites the ids instead of sending them here (the capped count; ListTotals' drafts).
     */
    static long count(JdbcTemplate jdbc, List<CaseCondition> branches, int limit) {
        if (branches.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select count(*) from (");
        count(sql, args, branches, limit);
        Number n = jdbc.queryForObject(sql.append(") u").toString(), Number.class, args.toArray());
        return n == null ? 0 : n.longValue();
    }

    /** The union of the branches' ids (each limited), for a {@code count(*)} around it. */
    static void count(StringBuilder sql, List<Object> args, List<CaseCondition> branches, int limit) {
        String union = "";
        for (CaseCondition branch : branches) {
            // the limit a literal, as in merged (H2 would reuse a result counted with another cap)
            sql.append(union).append("(select id from proposal where committee_id = ? and (").append(branch.sql())
                    .append(") limit ").append(limit).append(')');
            union = " union ";
            args.add(CommitteeContext.current());
            args.addAll(branch.args());
        }
    }

    private record Key(Instant createdAt, Long id) {
    }

    /** The keyset condition: only keys after the cursor in the newest-first order (nothing without one). */
    private static void before(StringBuilder sql, List<Object> args, ListCursor after) {
        if (after != null) {
            // (created_at, id) < (c, i), written so that created_at <= c bounds the index range
            OffsetDateTime c = OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC);
            sql.append(" and created_at <= ? and (created_at < ? or id < ?)");
            args.add(c);
            args.add(c);
            args.add(after.id());
        }
    }

    /**
     * Up to {@code limit} keys of a condition newest first, from {@code first} on (a deep page number). Plain SQL
     * like {@link #rows}: as a criteria query its translation cost more CPU than the database's index read
     * (docs/perf.md).
     */
    private List<Key> keys(CaseCondition where, int first, int limit) {
        StringBuilder sql = new StringBuilder("select created_at, id from proposal where committee_id = ? and (")
                .append(where.sql()).append(')');
        List<Object> args = new ArrayList<>(where.args().size() + 3);
        args.add(CommitteeContext.current());
        args.addAll(where.args());
        sql.append(" order by created_at desc, id desc limit ?");
        args.add(limit);
        if (first > 0) {
            sql.append(" offset ?");
            args.add(first);
        }
        return jdbc.query(sql.toString(), (rs, n) -> new Key(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)),
                args.toArray());
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
        args.add(CommitteeContext.current());
        args.addAll(ids);
        Map<Long, SummaryRow> byId = new HashMap<>();
        jdbc.query(SUMMARY_SELECT + " from proposal p where p.committee_id = ? and p.id in ("
                + org.xieshang.shared.jpa.BindMarks.of(ids.size()) + ")", rs -> {
                    SummaryRow row = summary(rs, 0);
                    byId.put(row.id(), row);
                }, args.toArray());
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The columns a list shows of a case {@code p}, and its lead proposer (the last linked, as the lists
     * showed before: one per case in practice); the first bind value is the committee (the sub-select's).
     */
    private static final String SUMMARY_SELECT = "select p.id, p.number, p.title, p.category, p.status, p.proposer_kind,"
            + " p.collective_name, p.lead_unit_id, p.due_date, p.is_key, p.submitted_on, p.created_at,"
            + " (select x.member_id from proposal_proposer x where x.committee_id = ? and x.proposal_id = p.id"
            + " and x.role = '" + ProposerRole.LEAD.name() + "' order by x.id desc limit 1)";

    private static SummaryRow summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SummaryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                ProposalStatus.valueOf(rs.getString(5)), ProposerKind.valueOf(rs.getString(6)), rs.getString(7),
                Columns.id(rs, 8), rs.getObject(9, LocalDate.class), rs.getBoolean(10), rs.getObject(11, LocalDate.class),
                Columns.instant(rs, 12), Columns.id(rs, 13));
    }
}
