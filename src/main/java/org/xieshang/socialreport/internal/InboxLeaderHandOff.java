package org.xieshang.socialreport.internal;

import org.springframework.stereotype.Component;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.Role;

/** The interim hand-off (see {@link LeaderHandOff}): the leaders' inbox points to the report. */
@Component
class InboxLeaderHandOff implements LeaderHandOff {

    private final Notifications notifications;

    InboxLeaderHandOff(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void adopted(Long reportId, String title) {
        Notice notice = Notice.of("socialreport.notice.forLeaders", "/social-reports/" + reportId, title);
        notifications.toRole(Role.LEADER_CPPCC, notice);
        notifications.toRole(Role.LEADER_GOV, notice);
    }
}
