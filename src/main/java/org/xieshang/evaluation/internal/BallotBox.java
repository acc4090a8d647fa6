package org.xieshang.evaluation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The ballots, written with plain SQL on purpose: an entity would be captured by the audit trail with
 * its actor, linking scores to the voter. A ballot row holds the unit and the scores only — no voter,
 * no time, no sequence: its id is a random UUID, so the order of ballot ids says nothing about the
 * order of votes (voter records, kept apart in {@link Voter} and {@link BallotCode}, have growing ids).
 */
@Component
class BallotBox {

    private final JdbcTemplate jdbc;

    BallotBox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void drop(Long evaluationId, Long unitId, Map<String, Integer> scores) {
        jdbc.update("insert into evaluation_ballot (id, committee_id, evaluation_id, unit_id, scores) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), CommitteeContext.current(), evaluationId, unitId, encode(scores));
    }

    /** The ballots of an evaluation per unit. */
    Map<Long, List<Map<String, Integer>>> ballots(Long evaluationId) {
        Map<Long, List<Map<String, Integer>>> byUnit = new LinkedHashMap<>();
        jdbc.query("select unit_id, scores from evaluation_ballot where committee_id = ? and evaluation_id = ? order by id",
                rs -> {
                    byUnit.computeIfAbsent(rs.getLong(1), u -> new ArrayList<>()).add(decode(rs.getString(2)));
                }, CommitteeContext.current(), evaluationId);
        return byUnit;
    }

    long count(Long evaluationId) {
        Long n = jdbc.queryForObject("select count(*) from evaluation_ballot where committee_id = ? and evaluation_id = ?",
                Long.class, CommitteeContext.current(), evaluationId);
        return n == null ? 0 : n;
    }

    /** The committee of a ballot code, looked up across committees: a public visitor brings none. */
    Optional<Long> committeeOfCode(String code) {
        return jdbc.queryForList("select committee_id from evaluation_ballot_code where code = ?", Long.class, code)
                .stream().findFirst();
    }

    /** Marks a code used if it was not: false when someone used it first (also at the same moment). */
    boolean useCode(String code) {
        return jdbc.update("update evaluation_ballot_code set used = true, version = version + 1 where committee_id = ? and code = ? and used = false",
                CommitteeContext.current(), code) == 1;
    }

    static String encode(Map<String, Integer> scores) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(scores).forEach((k, v) -> b.append(b.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    static Map<String, Integer> decode(String text) {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return m;
        }
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            m.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        }
        return m;
    }
}
