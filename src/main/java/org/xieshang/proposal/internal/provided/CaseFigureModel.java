package org.xieshang.proposal.internal.provided;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.internal.Evaluation;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalProposer;

/**
 * The statistics read model (docs/stats-read-model.md): counters per committee and figure
 * dimensions in {@code stat_case_figure}, {@code stat_proposer_figure} and {@code stat_rating_figure},
 * kept current in the transaction of every change. Whatever the use case, a change of a case, its
 * proposers or its ratings passes through Hibernate's flush: the ids of the cases touched are
 * collected, and just before the commit (after the last flush, on the transaction's connection)
 * each case's contribution is recomputed from its rows, compared with the contribution stored in
 * {@code stat_case_contribution}, and only the difference is applied with
 * {@code count = count + ?} (row locks; two transactions of different cases never lose an update).
 * Writes behind Hibernate's back (a bulk import) need {@link #rebuild()}.
 */
@Component
public class CaseFigureModel implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        SmartInitializingSingleton {

    /** A case's figures as the read model counts them; absent values as 0 / "". */
    record Contribution(long committeeId, long sessionId, String status, String category, long leadUnitId,
                        String replyClass, long memberId, int filed, int key, int replied, int onTime, int openB,
                        String attitude, String result) {
    }

    private static final String COLUMNS = "committee_id, session_id, status, category, lead_unit_id, reply_class,"
            + " member_id, filed, key_case, replied, on_time, open_b, attitude, result";

    /** One row per case: the same definitions as the grouped queries of docs/decisions-stats.md. */
    static final String CONTRIBUTION = "select q.id, q.committee_id, q.session_id, q.status, q.category, q.lead_unit_id,"
            + " q.reply_class, q.member_id, q.filed, q.key_case, q.replied, q.on_time, q.open_b,"
            // the lead proposer's latest rating of the lead unit's reply: highest round, then latest
            + " coalesce((select e.attitude from evaluation e where e.proposal_id = q.id and e.member_id = q.member_id"
            + "   and e.unit_id = q.unit_id order by e.round desc, e.id desc fetch first 1 rows only), '') attitude,"
            + " coalesce((select e.result from evaluation e where e.proposal_id = q.id and e.member_id = q.member_id"
            + "   and e.unit_id = q.unit_id order by e.round desc, e.id desc fetch first 1 rows only), '') result"
            + " from (select p.id, p.committee_id, p.session_id, p.status, p.category,"
            + "   coalesce(p.lead_unit_id, 0) lead_unit_id, p.lead_unit_id unit_id,"
            + "   coalesce(p.approved_reply_category, '') reply_class,"
            + "   coalesce((select min(pp.member_id) from proposal_proposer pp where pp.proposal_id = p.id"
            + "     and pp.role = 'LEAD'), 0) member_id,"
            + "   case when p.number_seq is not null then 1 else 0 end filed,"
            + "   case when p.is_key then 1 else 0 end key_case,"
            + "   case when p.replied_on is not null then 1 else 0 end replied,"
            + "   case when p.replied_on is not null and p.due_date is not null and p.replied_on <= p.due_date"
            + "     then 1 else 0 end on_time,"
            + "   case when p.approved_reply_category = 'B' and p.implemented_on is null then 1 else 0 end open_b"
            + " from proposal p %s) q";

    private final EntityManagerFactory emf;
    private final JdbcTemplate jdbc;
    private final Map<SharedSessionContractImplementor, Set<Long>> pending = new ConcurrentHashMap<>();

    CaseFigureModel(EntityManagerFactory emf, JdbcTemplate jdbc) {
        this.emf = emf;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        touched(event.getEntity(), event.getId(), event.getPersister(), event.getSession());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        touched(event.getEntity(), event.getId(), event.getPersister(), event.getSession());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        touched(event.getEntity(), event.getId(), event.getPersister(), event.getSession());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void touched(Object entity, Object id, EntityPersister persister, SharedSessionContractImplementor session) {
        Long caseId;
        if (entity instanceof Proposal) {
            caseId = (Long) id;
        } else if (entity instanceof ProposalProposer || entity instanceof Evaluation) {
            caseId = (Long) persister.getPropertyValue(entity, "proposalId");
        } else {
            return;
        }
        Set<Long> ids = pending.computeIfAbsent(session, s -> {
            // first case of this transaction: apply the differences just before its commit (after the last flush)
            s.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.BeforeCompletionCallback) done -> {
                        Set<Long> cases = pending.remove(s);
                        if (cases != null && !cases.isEmpty()) {
                            done.doWork(c -> apply(c, cases));
                        }
                    });
            s.getTransactionCompletionCallbacks().registerCallback(
                    (TransactionCompletionCallbacks.AfterCompletionCallback) (success, done) -> pending.remove(s));
            return new LinkedHashSet<>();
        });
        ids.add(caseId);
    }

    /**
     * Recomputes the given cases' contributions and applies the differences, on the transaction's
     * connection. Cases are locked in id order and counter rows updated in one sorted order, so
     * that two transactions never wait for each other in a cycle (no deadlock).
     */
    void apply(Connection c, Set<Long> caseIds) throws SQLException {
        lockCommittees(c, caseIds);
        java.util.TreeMap<String, Bump> bumps = new java.util.TreeMap<>();
        for (Long id : new java.util.TreeSet<>(caseIds)) {
            Contribution before = stored(c, id);
            Contribution after = current(c, id);
            if (Objects.equals(before, after)) {
                continue;
            }
            if (before != null) {
                add(bumps, before, -1);
            }
            if (after != null) {
                add(bumps, after, 1);
            }
            store(c, id, before, after);
        }
        for (Bump b : bumps.values()) {
            boolean nothing = true;
            for (long d : b.deltas()) {
                nothing &= d == 0;
            }
            if (!nothing) {
                bump(c, b.table(), b.keys(), b.keyValues(), b.counters(), b.deltas());
            }
        }
    }

    /**
     * Orders the change against an admin's {@link #rebuild}: a shared lock on the committee rows of these cases
     * (before any contribution row is read), which the rebuild takes exclusively. A change committing while the
     * rebuild runs waits for it and then applies its difference to the rebuilt figures, and the rebuild waits for
     * the changes already applying, so that it reads their rows. On PostgreSQL the shared lock is
     * {@code for share} (changes do not wait for each other) and the rebuild's {@code for no key update}, which
     * leaves the committee row's foreign-key checks ({@code for key share}) of every other write free; H2 has
     * only {@code for update} (changes of one committee then commit one after the other).
     */
    private static void lockCommittees(Connection c, Set<Long> caseIds) throws SQLException {
        Set<Long> committees = new java.util.TreeSet<>();
        List<Long> ids = new ArrayList<>(caseIds);
        // in slices: a transaction may touch many cases, a statement takes a bounded number of bind values
        for (int from = 0; from < ids.size(); from += LOCK_SLICE) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + LOCK_SLICE));
            String marks = org.xieshang.shared.jpa.BindMarks.of(slice.size());
            try (PreparedStatement ps = c.prepareStatement("select committee_id from proposal where id in (" + marks
                    + ") union select committee_id from stat_case_contribution where proposal_id in (" + marks + ")")) {
                int i = 1;
                for (int round = 0; round < 2; round++) {
                    for (Long id : slice) {
                        ps.setLong(i++, id);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        committees.add(rs.getLong(1));
                    }
                }
            }
        }
        if (committees.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select id from committee where id in ("
                + org.xieshang.shared.jpa.BindMarks.of(committees.size()) + ") order by id "
                + (postgres(c) ? "for share" : "for update"))) {
            int i = 1;
            for (Long committee : committees) {
                ps.setLong(i++, committee);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1); // locked until this transaction ends
                }
            }
        }
    }

    /** Case ids per statement when their committees are looked up (two bind values each). */
    private static final int LOCK_SLICE = 1_000;

    private static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** The pending change of one counter row. */
    private record Bump(String table, String[] keys, Object[] keyValues, String[] counters, long[] deltas) {
    }

    private static Contribution stored(Connection c, long id) throws SQLException {
        // the row lock orders two transactions that change the same case's figures
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS
                + " from stat_case_contribution where proposal_id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs, 1) : null;
            }
        }
    }

    private static Contribution current(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(CONTRIBUTION, "where p.id = ?"))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs, 2) : null;
            }
        }
    }

    private static Contribution read(ResultSet rs, int from) throws SQLException {
        int i = from;
        return new Contribution(rs.getLong(i), rs.getLong(i + 1), rs.getString(i + 2), rs.getString(i + 3),
                rs.getLong(i + 4), rs.getString(i + 5), rs.getLong(i + 6), rs.getInt(i + 7), rs.getInt(i + 8),
                rs.getInt(i + 9), rs.getInt(i + 10), rs.getInt(i + 11), rs.getString(i + 12), rs.getString(i + 13));
    }

    private static void store(Connection c, long id, Contribution before, Contribution after) throws SQLException {
        if (after == null) {
            try (PreparedStatement ps = c.prepareStatement("delete from stat_case_contribution where proposal_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return;
        }
        String sql = before == null
                ? "insert into stat_case_contribution (" + COLUMNS + ", proposal_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "update stat_case_contribution set committee_id = ?, session_id = ?, status = ?, category = ?,"
                + " lead_unit_id = ?, reply_class = ?, member_id = ?, filed = ?, key_case = ?, replied = ?, on_time = ?,"
                + " open_b = ?, attitude = ?, result = ? where proposal_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Object[] values = {after.committeeId(), after.sessionId(), after.status(), after.category(), after.leadUnitId(),
                    after.replyClass(), after.memberId(), after.filed(), after.key(), after.replied(), after.onTime(),
                    after.openB(), after.attitude(), after.result(), id};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Adds (sign 1) or removes (sign -1) one case's contribution to the pending counter changes. */
    private static void add(Map<String, Bump> bumps, Contribution x, int sign) {
        merge(bumps, "stat_case_figure", new String[] {"committee_id", "session_id", "status", "category", "lead_unit_id", "reply_class"},
                new Object[] {x.committeeId(), x.sessionId(), x.status(), x.category(), x.leadUnitId(), x.replyClass()},
                new String[] {"cases", "filed", "key_cases", "replied", "on_time", "open_b"},
                new long[] {sign, sign * x.filed(), sign * x.key(), sign * x.replied(), sign * x.onTime(), sign * x.openB()});
        if (x.memberId() != 0) {
            merge(bumps, "stat_proposer_figure", new String[] {"committee_id", "session_id", "lead_unit_id", "member_id", "status", "reply_class"},
                    new Object[] {x.committeeId(), x.sessionId(), x.leadUnitId(), x.memberId(), x.status(), x.replyClass()},
                    new String[] {"cases", "filed", "key_cases", "replied", "on_time"},
                    new long[] {sign, sign * x.filed(), sign * x.key(), sign * x.replied(), sign * x.onTime()});
        }
        if (!x.attitude().isEmpty()) {
            merge(bumps, "stat_rating_figure", new String[] {"committee_id", "session_id", "status", "category", "lead_unit_id", "member_id",
                            "attitude", "result"},
                    new Object[] {x.committeeId(), x.sessionId(), x.status(), x.category(), x.leadUnitId(), x.memberId(),
                            x.attitude(), x.result()},
                    new String[] {"cases"}, new long[] {sign});
        }
    }

    private static void merge(Map<String, Bump> bumps, String table, String[] keys, Object[] keyValues, String[] counters,
                              long[] deltas) {
        String id = table + '\u0000' + java.util.Arrays.stream(keyValues).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("\u0000"));
        bumps.merge(id, new Bump(table, keys, keyValues, counters, deltas), (a, b) -> {
            long[] sum = a.deltas().clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += b.deltas()[i];
            }
            return new Bump(table, keys, keyValues, counters, sum);
        });
    }

    /**
     * {@code count = count + delta} on the row of these keys (a row lock, never read-modify-write);
     * the row is inserted when absent, and when a concurrent transaction inserted it first the
     * update is repeated (savepoint, so that PostgreSQL's transaction survives the failed insert).
     */
    private static void bump(Connection c, String table, String[] keys, Object[] keyValues, String[] counters, long[] deltas)
            throws SQLException {
        if (update(c, table, keys, keyValues, counters, deltas) > 0) {
            return;
        }
        List<String> columns = new ArrayList<>(List.of(keys));
        columns.addAll(List.of(counters));
        String insert = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + org.xieshang.shared.jpa.BindMarks.of(columns.size()) + ")";
        Savepoint savepoint = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            int i = 1;
            for (Object v : keyValues) {
                ps.setObject(i++, v);
            }
            for (long d : deltas) {
                ps.setLong(i++, d);
            }
            ps.executeUpdate();
            c.releaseSavepoint(savepoint);
        } catch (SQLException duplicate) {
            c.rollback(savepoint);
            if (update(c, table, keys, keyValues, counters, deltas) == 0) {
                throw duplicate;
            }
        }
    }

    private static int update(Connection c, String table, String[] keys, Object[] keyValues, String[] counters, long[] deltas)
            throws SQLException {
        StringBuilder sql = new StringBuilder("update ").append(table).append(" set ");
        for (int i = 0; i < counters.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(counters[i]).append(" = ").append(counters[i]).append(" + ?");
        }
        sql.append(" where ");
        for (int i = 0; i < keys.length; i++) {
            sql.append(i == 0 ? "" : " and ").append(keys[i]).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (long d : deltas) {
                ps.setLong(i++, d);
            }
            for (Object v : keyValues) {
                ps.setObject(i++, v);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * Recomputes the whole read model from the raw rows, for every committee: after a bulk import
     * written behind the application's back (COPY, SQL scripts). Runs in one transaction holding the
     * committees' rows exclusively (see {@link #lockCommittees}): case changes committing meanwhile
     * wait for it and then count on the rebuilt figures; other writes go on.
     */
    @Transactional
    public void rebuild() {
        rebuild(null);
    }

    /** As {@link #rebuild()} for one committee (null: all). */
    @Transactional
    public void rebuild(Long committeeId) {
        String only = committeeId == null ? "" : " where committee_id = " + committeeId.longValue();
        String andOnly = committeeId == null ? "" : " and committee_id = " + committeeId.longValue();
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            try (PreparedStatement ps = c.prepareStatement("select id from committee"
                    + (committeeId == null ? "" : " where id = " + committeeId.longValue()) + " order by id "
                    + (postgres(c) ? "for no key update" : "for update")); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1); // locked until the rebuild commits
                }
            }
            return null;
        });
        jdbc.update("delete from stat_rating_figure" + only);
        jdbc.update("delete from stat_proposer_figure" + only);
        jdbc.update("delete from stat_case_figure" + only);
        jdbc.update("delete from stat_case_contribution" + only);
        jdbc.update("insert into stat_case_contribution (proposal_id, " + COLUMNS + ") "
                + String.format(CONTRIBUTION, committeeId == null ? "" : "where p.committee_id = " + committeeId.longValue()));
        jdbc.update("insert into stat_case_figure (committee_id, session_id, status, category, lead_unit_id, reply_class,"
                + " cases, filed, key_cases, replied, on_time, open_b)"
                + " select committee_id, session_id, status, category, lead_unit_id, reply_class, count(*), sum(filed),"
                + " sum(key_case), sum(replied), sum(on_time), sum(open_b) from stat_case_contribution" + only
                + " group by committee_id, session_id, status, category, lead_unit_id, reply_class");
        jdbc.update("insert into stat_proposer_figure (committee_id, session_id, lead_unit_id, member_id, status, reply_class,"
                + " cases, filed, key_cases, replied, on_time)"
                + " select committee_id, session_id, lead_unit_id, member_id, status, reply_class, count(*), sum(filed),"
                + " sum(key_case), sum(replied), sum(on_time) from stat_case_contribution where member_id <> 0" + andOnly
                + " group by committee_id, session_id, lead_unit_id, member_id, status, reply_class");
        jdbc.update("insert into stat_rating_figure (committee_id, session_id, status, category, lead_unit_id, member_id,"
                + " attitude, result, cases)"
                + " select committee_id, session_id, status, category, lead_unit_id, member_id, attitude, result, count(*)"
                + " from stat_case_contribution where attitude <> ''" + andOnly
                + " group by committee_id, session_id, status, category, lead_unit_id, member_id, attitude, result");
    }
}
