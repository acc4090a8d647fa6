package org.xieshang.activity.internal;

import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.HomePanelContributor;

/** A member's coming activities on the home page, soonest first (as on "my activities"). */
@Component
class ActivityHomePanel implements HomePanelContributor {

    private final ActivityService activities;
    private final java.time.Clock clock;

    ActivityHomePanel(ActivityService activities, java.time.Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    public List<Panel> panels(CurrentUser u) {
        if (!u.has(Role.MEMBER) || u.memberId() == null) {
            return List.of();
        }
        ZoneId zone = clock.getZone();
        List<Row> rows = activities.mine().stream().limit(5)
                .map(m -> new Row(m.activity().title(), "/activities/" + m.activity().id(), "home.panel.activityAt",
                        m.activity().startsAt().atZone(zone).toLocalDate().toString(), false))
                .toList();
        return List.of(new Panel("home.panel.myActivities", 15, "calendar", rows, "/activities/mine",
                "home.panel.myActivities.empty"));
    }
}
