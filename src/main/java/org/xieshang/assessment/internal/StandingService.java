package org.xieshang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.assessment.Grade;
import org.xieshang.assessment.internal.PointsCalculator.Need;
import org.xieshang.assessment.internal.PointsCalculator.Result;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.NotFound;

/**
 * A member's standing this year so far, by this year's rules: points against the pass mark and
 * what is still missing, so they act before the run, not after it.
 */
@Service
@Transactional(readOnly = true)
public class StandingService {

    public record Standing(Long memberId, int year, int points, int passMark, Grade grade, List<RunService.ItemView> items,
                           List<Need> missing, boolean alternatives, List<DutyRecordService.EntryView> record,
                           Optional<RunService.ResultView> lastRun) {
    }

    private final DutyEntryRepository entries;
    private final RulesService rules;
    private final RunService runs;
    private final org.xieshang.member.MemberDirectory members;
    private final Clock clock;

    StandingService(DutyEntryRepository entries, RulesService rules, RunService runs,
                    org.xieshang.member.MemberDirectory members, Clock clock) {
        this.entries = entries;
        this.rules = rules;
        this.runs = runs;
        this.members = members;
        this.clock = clock;
    }

    /** The signed-in member's own standing (403 for a user without a member record). */
    public Standing mine() {
        CurrentUser user = CurrentUsers.require();
        if (user.memberId() == null) {
            throw new Forbidden();
        }
        return of(user.memberId());
    }

    public Standing of(Long memberId) {
        if (!members.exists(memberId)) {
            throw new NotFound();
        }
        if (!AssessmentAccess.sees(CurrentUsers.require(), memberId)) {
            throw new Forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.withDayOfYear(1);
        LocalDate to = today.withMonth(12).withDayOfMonth(31);
        PointsRules r = rules.rulesOf(today.getYear());
        List<EntryRow> rows = entries.rowsOf(memberId, from, to);
        Result res = PointsCalculator.assess(r, rows.stream().map(EntryRow::fact).toList());
        List<DutyRecordService.EntryView> record = entries.record(memberId, from, to).stream()
                .map(DutyRecordService::view).toList();
        PointsCalculator.Plan plan = PointsCalculator.plan(r, res);
        return new Standing(memberId, today.getYear(), res.total(), r.passMark(), res.grade(), RunService.items(res, rows),
                plan.needs(), plan.alternatives(), record, runs.latestOf(memberId));
    }
}
