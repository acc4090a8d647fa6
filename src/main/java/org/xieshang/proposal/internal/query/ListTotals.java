package org.xieshang.proposal.internal.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseCondition;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The exact total of a list for those who see every case but drafts, from the statistics read model
 * ({@code stat_case_figure}, docs/stats-read-model.md) instead of counting up to the cap
 * (docs/perf.md, "Lists"). The list is the union of "every case but drafts" and the user's other
 * alternatives (own cases, published, units, lead leader); the union's size is
 * <ul>
 *   <li>the counters' cases of every status but {@code DRAFT} matching the filters,</li>
 *   <li>minus the drafts withdrawn before submission among them (the alternative leaves them out;
 *       few, read through {@code ix_proposal_status_submitted}, V190),</li>
 *   <li>plus the other alternatives' cases before submission (drafts and withdrawn drafts: the only
 *       ones "every case but drafts" does not hold already), united by id.</li>
 * </ul>
 * The counters have one row per committee × session × status × category × lead unit × reply class,
 * with the key and open-B counts, so they answer the filters status, year (sessions), category,
 * key, reply class, and "implemented" with reply class B (not with key as well). The co-unit filter
 * ({@code unitId}) and full-text search are not covered: those keep the capped count.
 */
@Component
class ListTotals {

    private final JdbcTemplate jdbc;

    ListTotals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The exact total of the list, or null when the read model does not cover it (then the capped count
     * applies).
     *
     * @param sessions the year filter's sessions, or null without a year filter
     * @param filters  the list's filters as one condition (without the scope)
     */
    CappedLists.Total staff(CurrentUser user, ProposalQueries.Filter filter, List<Long> sessions,
                            CaseCondition filters) {
        // the read model has no dimension for the reply's signature: those lists count their rows
        if (!ProposalScope.seesAllCases(user) || filter.unitId() != null || filter.q() != null && !filter.q().isBlank()
                || filter.replySignedOff() != null) {
            return null;
        }
        String measure = measure(filter);
        if (measure == null) {
            return null;
        }
        return cap -> {
            if (sessions != null && sessions.isEmpty()) {
                return 0L;
            }
            ProposalStatus status = filter.status();
            Long committee = CommitteeContext.current();
            // one statement: the counters, minus the drafts withdrawn before submission (plain SQL: see CappedLists.rows)
            List<Object> args = new ArrayList<>();
            StringBuilder sql = new StringBuilder("select (select coalesce(sum(").append(measure)
                    .append("), 0) from stat_case_figure where committee_id = ? and status <> 'DRAFT'");
            args.add(committee);
            where(sql, args, filter, sessions, "reply_class", true);
            sql.append(')');
            if (status == null || status == ProposalStatus.WITHDRAWN) {
                sql.append(" - (select count(*) from proposal where committee_id = ? and status = 'WITHDRAWN'"
                        + " and submitted_on is null");
                args.add(committee);
                where(sql, args, filter, sessions, "approved_reply_category", false);
                if (filter.key() != null) {
                    sql.append(" and is_key = ?");
                    args.add(filter.key());
                }
                if (filter.implemented() != null) {
                    sql.append(filter.implemented() ? " and implemented_on is not null" : " and implemented_on is null");
                }
                sql.append(')');
            }
            // and the other alternatives' cases before submission, united and counted up to the cap, in the
            // same statement (each statement is a round trip of CPU in the application and the database)
            List<CaseCondition> before = new ArrayList<>();
            if (status == null || status == ProposalStatus.DRAFT || status == ProposalStatus.WITHDRAWN) {
                for (CaseCondition branch : ProposalScope.branchesBesideAllCases(user, committee)) {
                    before.add(branch.and(filters).and(ProposalScope.beforeSubmission()));
                }
            }
            if (!before.isEmpty()) {
                sql.append(", (select count(*) from (");
                CappedLists.count(sql, args, before, cap + 1);
                sql.append(") d)");
            } else {
                sql.append(", 0");
            }
            long[] counted = jdbc.queryForObject(sql.toString(), (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)},
                    args.toArray());
            if (counted[1] > cap) {
                return null; // a great many drafts in view: the capped count says "more than"
            }
            return counted[0] + counted[1];
        };
    }

    /** The filters shared by the counters and the case rows (same column names but the reply class). */
    private static void where(StringBuilder sql, List<Object> args, ProposalQueries.Filter filter, List<Long> sessions,
                              String replyColumn, boolean withStatus) {
        if (withStatus && filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (sessions != null) {
            sql.append(" and session_id in (").append(org.xieshang.shared.jpa.BindMarks.of(sessions.size()))
                    .append(')');
            args.addAll(sessions);
        }
        String category = blankToNull(filter.category());
        if (category != null) {
            sql.append(" and category = ?");
            args.add(category);
        }
        String reply = blankToNull(filter.replyCategory());
        if (reply != null) {
            sql.append(" and ").append(replyColumn).append(" = ?");
            args.add(reply);
        }
    }

    /** The counter summed for the key / implemented filters, or null when the counters cannot tell. */
    private static String measure(ProposalQueries.Filter filter) {
        Boolean implemented = filter.implemented();
        if (implemented == null) {
            return filter.key() == null ? "cases" : filter.key() ? "key_cases" : "cases - key_cases";
        }
        // open_b: approved class B, nothing reported done; only meaningful with the class B filter
        if (filter.key() != null || !"B".equals(blankToNull(filter.replyCategory()))) {
            return null;
        }
        return implemented ? "cases - open_b" : "open_b";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
