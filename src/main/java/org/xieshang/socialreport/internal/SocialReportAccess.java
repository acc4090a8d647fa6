package org.xieshang.socialreport.internal;

import java.util.Objects;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;

/**
 * Who sees which report (the same rule filters lists and the search): the office, ADMIN and
 * CPPCC leaders all; government leaders adopted ones; a member their own. Others have no access
 * to the module at all (403).
 */
final class SocialReportAccess {

    private SocialReportAccess() {
    }

    static boolean seesAll(CurrentUser u) {
        return u.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC);
    }

    static boolean seesAdopted(CurrentUser u) {
        return u.has(Role.LEADER_GOV);
    }

    static boolean mayUse(CurrentUser u) {
        return seesAll(u) || seesAdopted(u) || u.memberId() != null;
    }

    static boolean visible(CurrentUser u, SocialReport r) {
        return seesAll(u) || (seesAdopted(u) && r.getStatus() == ReportStatus.ADOPTED)
                || (u.memberId() != null && Objects.equals(u.memberId(), r.getAuthorMemberId()));
    }

    static boolean mayDecide(CurrentUser u) {
        return u.has(Role.PROPOSAL_STAFF);
    }

    static boolean mayComment(CurrentUser u) {
        return u.hasAny(Role.LEADER_CPPCC, Role.LEADER_GOV);
    }

    static boolean mayWrite(CurrentUser u) {
        return u.has(Role.MEMBER) && u.memberId() != null;
    }
}
