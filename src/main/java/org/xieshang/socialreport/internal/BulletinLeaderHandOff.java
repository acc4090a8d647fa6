package org.xieshang.socialreport.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.xieshang.bulletin.BulletinIssuer;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.identity.UserAccounts;
import org.xieshang.shared.Role;

/**
 * An adopted report goes to the committee's leaders (CPPCC and government) as a 社情民意专报
 * bulletin about it, with the report's text as the office edited it. Runs in the adopting
 * transaction as the adopting staff user, which {@link BulletinIssuer} requires: if the bulletin
 * cannot be issued, the adoption is rolled back with it.
 */
@Component
class BulletinLeaderHandOff implements LeaderHandOff {

    private final BulletinIssuer bulletins;
    private final UserAccounts users;

    BulletinLeaderHandOff(BulletinIssuer bulletins, UserAccounts users) {
        this.bulletins = bulletins;
        this.users = users;
    }

    @Override
    public void adopted(Long reportId, String title, String content) {
        Set<Long> leaders = new LinkedHashSet<>(users.userIdsWithRole(Role.LEADER_CPPCC));
        leaders.addAll(users.userIdsWithRole(Role.LEADER_GOV));
        if (leaders.isEmpty()) {
            // a bulletin needs at least one recipient; the adoption itself must not depend on
            // leaders' accounts existing (a new committee), so the report is adopted without one
            return;
        }
        bulletins.issueSocialConditions(new BulletinSubject(SocialReportBulletinSubjects.TYPE, reportId, title), title,
                content, List.copyOf(leaders));
    }
}
