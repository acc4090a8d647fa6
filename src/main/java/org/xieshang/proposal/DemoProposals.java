package org.xieshang.proposal;

import java.util.List;
import java.util.Map;
import org.xieshang.shared.CurrentUser;

/**
 * The demo committee's proposal work: cases in every state of the workflow, acted out through the
 * same use cases, as the people of the demo committee. The key work's demo (a key proposal with its
 * leaders and supervision, and a bulletin) builds on the cases it answers.
 */
public interface DemoProposals {

    /**
     * Who acts: the demo accounts, members without an account who propose, the units by name,
     * and the session the proposals belong to.
     */
    record Cast(CurrentUser staff, CurrentUser cppccLeader, CurrentUser member, CurrentUser unitHandler,
                CurrentUser govLeader, List<CurrentUser> proposers, Map<String, Long> units, Long sessionId) {
    }

    /** Cases the demo's key work builds on: one in progress (made key) and one closed. */
    record Played(Long inProgress, Long closed) {
    }

    Played load(Cast cast);
}
