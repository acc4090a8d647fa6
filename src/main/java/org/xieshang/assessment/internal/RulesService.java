package org.xieshang.assessment.internal;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

/** The points rules per committee and year: the stored ones, or the defaults until the office sets them. */
@Service
@Transactional(readOnly = true)
public class RulesService {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;

    /** The rules as the API shows them, with whether they are the defaults and the version to send back. */
    public record RulesView(int year, int basePoints, java.util.List<PointsRules.Item> items,
                            java.util.List<PointsRules.GradeLine> grades, int passMark, boolean defaults, long version) {
        static RulesView of(PointsRules r, boolean defaults, long version) {
            return new RulesView(r.year(), r.base(), r.items(), r.grades(), r.passMark(), defaults, version);
        }
    }

    private final RulesRepository rules;
    private final AuditTrail audit;
    private final Clock clock;

    RulesService(RulesRepository rules, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    static int checkedYear(Integer year, int fallback) {
        int y = year == null ? fallback : year;
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw InvalidInput.field("year", "assessment.validation.yearRange", MIN_YEAR, MAX_YEAR);
        }
        return y;
    }

    public RulesView view(Integer year) {
        CurrentUsers.requireAny(Role.ADMIN);
        int y = checkedYear(year, java.time.LocalDate.now(clock).getYear());
        return rules.findByRulesYear(y).map(r -> RulesView.of(parse(r.getRulesJson()), false, r.getVersion()))
                .orElseGet(() -> RulesView.of(PointsRules.defaults(y), true, 0));
    }

    /** The rules in force for a year (no permission check: runs and the member's page use them). */
    PointsRules rulesOf(int year) {
        return rules.findByRulesYear(year).map(r -> parse(r.getRulesJson())).orElseGet(() -> PointsRules.defaults(year));
    }

    @Transactional
    public RulesView put(Integer year, PointsRules given, Long version) {
        CurrentUsers.requireAny(Role.ADMIN);
        if (given == null) {
            throw InvalidInput.field("items", "validation.required");
        }
        int y = checkedYear(year != null ? year : given.year(), java.time.LocalDate.now(clock).getYear());
        PointsRules clean = given.validated(y);
        RulesRecord r = rules.findByRulesYear(y).orElse(null);
        if (r != null && version != null && version != r.getVersion()) {
            throw new Conflict("error.concurrentChange");
        }
        if (r == null) {
            r = new RulesRecord(y);
        }
        String json = JSON.writeValueAsString(clean);
        r.set(json, clock.instant(), CurrentUsers.actorName());
        r = rules.saveAndFlush(r);
        audit.record("AssessmentRules", r.getId(), "SET_RULES", Map.of("year", y, "rules", json));
        return RulesView.of(clean, false, r.getVersion());
    }

    static PointsRules parse(String json) {
        return JSON.readValue(json, PointsRules.class);
    }
}
