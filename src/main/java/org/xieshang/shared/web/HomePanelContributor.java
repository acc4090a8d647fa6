package org.xieshang.shared.web;

import java.util.List;
import org.xieshang.shared.CurrentUser;

/**
 * Each module offers the short lists a user's home page shows (a member's cases, a unit's cases by
 * due date, a leader's key cases, a member's coming activities), as {@link TodoContributor} offers counts.
 */
public interface HomePanelContributor {

    /**
     * A list on the home page: its title, a few rows, the page that shows them all, and the text shown
     * when there are none (saying what to do). {@code icon} names an icon of {@code layout/icon.jte}.
     */
    record Panel(String titleKey, int order, String icon, List<Row> rows, String moreHref, String emptyKey) {
    }

    /** One row: what, where, and a detail as a message key with one argument; {@code warn} marks it (overdue). */
    record Row(String text, String href, String metaKey, Object metaArg, boolean warn) {
    }

    List<Panel> panels(CurrentUser user);
}
