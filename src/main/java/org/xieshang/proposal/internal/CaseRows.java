package org.xieshang.proposal.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.jpa.Columns;

/**
 * One case's rows by plain JDBC, for the case detail and page (issue 16), in two statements: the
 * case row, then every collection the case can hold in one {@code union all} (each table's columns
 * laid out on the same generic columns, see {@link Row}). Hibernate's native queries resolved their
 * result mapping on every execution and needed a session and transaction; these rows go straight
 * into what the reader needs: the case, its proposers and co-units as unmanaged objects (read, never
 * saved), the other collections into the views (ProposalQueries). Plain SQL bypasses the committee
 * filter ({@code @TenantId}): every statement and branch names the committee itself.
 *
 * <p>Inside a read-write transaction the session is flushed first, as a native query did, so a
 * change not yet written shows in its own transaction.
 */
@Component
public class CaseRows {

    /** What a branch of the collections' statement holds (the first column; rows come in this order). */
    public enum Kind { PROPOSER, CO_UNIT, EVALUATION, RECORD, REASSIGNMENT, ATTACHMENT, CONVERSION, HISTORY, PART }

    /**
     * A row of one of the case's tables on the generic columns; which field holds which column is
     * given per kind at {@link #BRANCHES}. {@code sort} orders rows of one kind (records by day), then the id.
     */
    public record Row(Kind kind, long id, long version, Long a1, Long a2, Integer i1, Boolean b1, LocalDate d1,
                      Instant t1, Instant t2, String s1, String s2, String s3, String s4, String s5) {
    }

    /** A case opened to read, with the rows of its collections asked for (proposers and co-units are in the case). */
    public record Read(ProposalCase kase, List<Row> rows) {

        public List<Row> of(Kind kind) {
            return rows.stream().filter(r -> r.kind() == kind).toList();
        }
    }

    private static final String PROPOSAL = "select " + Proposal.COLUMNS + " from proposal where id = ? and committee_id = ?";
    private static final String LEADS = "select count(*) from key_proposal_leader where proposal_id = ? and committee_id = ?"
            + " and user_id = ? and role = '" + CaseLeader.Kind.LEAD.name() + "'";

    private static final String NB = "cast(null as bigint)";
    private static final String NI = "cast(null as integer)";
    private static final String NBOOL = "cast(null as boolean)";
    private static final String ND = "cast(null as date)";
    private static final String NT = "cast(null as timestamp with time zone)";
    private static final String NS = "cast(null as varchar(20000))";

    /**
     * Per kind: its table and columns in the order kind, id, version, a1, a2, i1, b1, d1, t1, t2, s1..s5, sort.
     * Nulls are typed, so that each generic column has one type in both H2 and PostgreSQL.
     */
    private static final String[] BRANCHES = {
        branch(Kind.PROPOSER, "proposal_proposer", "member_id", "merged_from_id", NI, NBOOL, ND, NT, NT,
                "role", "confirmation", NS, NS, NS, ND),
        branch(Kind.CO_UNIT, "proposal_co_unit", "unit_id", NB, NI, "opinion_on_paper", ND, "opinion_at", "reminded_at",
                "opinion", "opinion_recorded_by", NS, NS, NS, ND),
        branch(Kind.EVALUATION, "evaluation", "member_id", "unit_id", "round", NBOOL, ND, "created_at", NT,
                "attitude", "result", "comment", NS, NS, ND),
        branch(Kind.RECORD, "handling_record", "unit_id", NB, "round", NBOOL, "record_date", NT, NT,
                "type", "content", "author", NS, NS, "record_date"),
        branch(Kind.REASSIGNMENT, "reassignment_request", "unit_id", NB, NI, NBOOL, ND, "requested_at", "resolved_at",
                "reason", NS, NS, NS, NS, ND),
        // only the case's own attachments, not its supervision events'
        branch(Kind.ATTACHMENT, "proposal_attachment", "size_bytes", NB, NI, NBOOL, ND, NT, NT,
                "filename", "content_type", NS, NS, NS, ND) + " and supervision_event_id is null",
        branch(Kind.CONVERSION, "proposal_conversion", NB, NB, NI, NBOOL, ND, NT, NT, "kind", NS, NS, NS, NS, ND),
        branch(Kind.HISTORY, "proposal_history", NB, NB, NI, NBOOL, ND, "at", NT,
                "actor", "action", "from_status", "to_status", "note", ND),
        branch(Kind.PART, "proposal_part", "unit_id", NB, "reply_round", "reply_signed_off", "replied_on", NT, NT,
                "status", "reply_category", "reply_content", "approved_reply_category", "approved_reply_content", ND),
    };

    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager em;

    CaseRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String branch(Kind kind, String table, String... columns) {
        return "select " + kind.ordinal() + " as kind, id, version, " + String.join(", ", columns) + " from " + table
                + " where proposal_id = ? and committee_id = ?";
    }

    /** The case row of the committee, whoever may see it (the caller checks the scope). */
    Optional<Proposal> proposal(Long id, Long committee) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            em.flush();
        }
        return jdbc.query(PROPOSAL, (rs, n) -> Proposal.read(rs), id, committee).stream().findFirst();
    }

    /**
     * The rows of these kinds of the case, in one statement: by kind, then the rows of a kind in the
     * order they were made (handling records by day first).
     */
    List<Row> rows(Proposal p, java.util.Set<Kind> kinds) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Kind k : kinds) {
            if (!sql.isEmpty()) {
                sql.append(" union all ");
            }
            sql.append(BRANCHES[k.ordinal()]);
            args.add(p.getId());
            args.add(p.getCommitteeId());
        }
        sql.append(" order by 1, 16, 2");
        return jdbc.query(sql.toString(), (rs, n) -> new Row(Kind.values()[rs.getInt(1)], rs.getLong(2), rs.getLong(3),
                Columns.id(rs, 4), Columns.id(rs, 5), int32(rs, 6), bool(rs, 7), rs.getObject(8, LocalDate.class),
                Columns.instant(rs, 9), Columns.instant(rs, 10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15)), args.toArray());
    }

    /** Whether the user lead-handles the case as a key proposal. */
    boolean leadHandles(Proposal p, Long userId) {
        Integer n = jdbc.queryForObject(LEADS, Integer.class, p.getId(), p.getCommitteeId(), userId);
        return n != null && n > 0;
    }

    /**
     * The kinds a case can hold in its state, for the detail: a case never assigned to a unit has no
     * co-units, handling records, ratings, reassignments or parts; no ratings while it waits for its
     * unit to accept it (a reply, of the case or of a part, comes after); only a case not filed is
     * converted (CONVERT keeps it NOT_FILED, and nothing leaves that state); parts only in split
     * handling (made when its handling starts; the mode cannot change after that).
     */
    static java.util.Set<Kind> detailKinds(Proposal p) {
        java.util.Set<Kind> kinds = java.util.EnumSet.of(Kind.PROPOSER, Kind.ATTACHMENT, Kind.HISTORY);
        if (p.getLeadUnitId() != null) {
            kinds.addAll(List.of(Kind.CO_UNIT, Kind.RECORD, Kind.REASSIGNMENT));
            if (p.getStatus() != ProposalStatus.ASSIGNED) {
                kinds.add(Kind.EVALUATION);
            }
        }
        if (p.getStatus() == ProposalStatus.NOT_FILED) {
            kinds.add(Kind.CONVERSION);
        }
        if (p.getHandlingMode() == HandlingMode.SPLIT) {
            kinds.add(Kind.PART);
        }
        return kinds;
    }

    /** What the scope check needs: proposers, and co-units of a case assigned to a unit (assignment adds them). */
    static java.util.Set<Kind> scopeKinds(Proposal p) {
        return p.getLeadUnitId() == null ? java.util.EnumSet.of(Kind.PROPOSER) : java.util.EnumSet.of(Kind.PROPOSER, Kind.CO_UNIT);
    }

    private static Integer int32(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
    }
}
