package org.xieshang.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.notification.internal.InboxService.Entry;
import org.xieshang.notification.internal.InboxService.Group;

/** The inbox groups entries about the same matter (the same link), newest group first. */
class InboxGroupingTest {

    private static Entry entry(long id, String link, boolean read) {
        return new Entry(id, "text " + id, link, Instant.ofEpochSecond(1000 - id), read);
    }

    @Test
    void entriesWithTheSameLinkFormOneGroupInTheOrderOfTheirNewest() {
        List<Group> groups = InboxService.grouped(List.of(entry(1, "/proposals/7", false), entry(2, "/proposals/9", true),
                entry(3, "/proposals/7", true), entry(4, null, false), entry(5, null, false)));
        assertThat(groups).extracting(Group::link).containsExactly("/proposals/7", "/proposals/9", null, null);
        assertThat(groups.get(0).entries()).extracting(Entry::id).containsExactly(1L, 3L);
        assertThat(groups.get(0).newest().id()).isEqualTo(1L);
        assertThat(groups.get(0).unread()).isEqualTo(1);
        assertThat(groups.get(1).unread()).isZero();
    }
}
