package org.xieshang.evaluation;

import java.util.List;
import org.xieshang.shared.CurrentUser;

/**
 * The demo committee's evaluations: last year's published, this year's in voting, and township
 * assessments for two years, acted out through the same use cases as the demo committee's people.
 */
public interface DemoEvaluation {

    /**
     * @param admin       the committee office, who chooses units, forms groups and publishes
     * @param viceChairs  members with the VICE_CHAIR role, in order, to lead the groups
     * @param memberVoters signed-in members who vote (their member ids become group members)
     */
    record Cast(CurrentUser admin, List<Long> viceChairs, List<CurrentUser> memberVoters) {
    }

    void load(Cast cast);
}
