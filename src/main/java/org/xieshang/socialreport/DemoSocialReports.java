package org.xieshang.socialreport;

import java.util.List;
import org.xieshang.shared.CurrentUser;

/**
 * The demo committee's social-conditions reports: twenty in every state, one with a leader's
 * comment, acted out through the same use cases as the demo committee's people.
 */
public interface DemoSocialReports {

    record Cast(CurrentUser staff, CurrentUser cppccLeader, CurrentUser govLeader, List<CurrentUser> authors) {
    }

    void load(Cast cast);
}
