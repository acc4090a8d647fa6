package org.xieshang.assessment.internal;

import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;

/**
 * Who sees and does what (issue 12 point 6, DESIGN §1): the committee office (ADMIN) keeps the
 * record and acts; leaders (LEADER_CPPCC, LEADER_GOV) and the proposal office read all results; a
 * member only their own; unit users nothing.
 */
final class AssessmentAccess {

    private AssessmentAccess() {
    }

    static boolean office(CurrentUser u) {
        return u.has(Role.ADMIN);
    }

    static boolean seesAll(CurrentUser u) {
        return u.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV);
    }

    static boolean sees(CurrentUser u, Long memberId) {
        return seesAll(u) || (u.memberId() != null && u.memberId().equals(memberId));
    }
}
