package org.xieshang.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.identity.UserAccounts;
import org.xieshang.notification.Notifications;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.UnreadCounter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-app inbox: entries are written in the caller's transaction, so a rolled-back hand-over
 * tells no one. Each entry of a user with an e-mail address also queues a mail (see {@link MailOutbox}).
 */
@Service
@Transactional(readOnly = true)
public class InboxService implements Notifications, UnreadCounter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Entry(Long id, String text, String link, Instant createdAt, boolean read) {
    }

    private final NotificationRepository notifications;
    private final UserAccounts users;
    private final Messages messages;
    private final MailOutbox mail;

    InboxService(NotificationRepository notifications, UserAccounts users, Messages messages, MailOutbox mail) {
        this.notifications = notifications;
        this.users = users;
        this.messages = messages;
        this.mail = mail;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void toUsers(Collection<Long> userIds, Notice notice) {
        String args = JSON.writeValueAsString(notice.args());
        LinkedHashSet<Long> recipients = new LinkedHashSet<>(userIds);
        for (Long userId : recipients) {
            notifications.save(new Notification(userId, notice.messageKey(), args, notice.link(), notice.taskKey()));
        }
        mail.queue(recipients, notice);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void toMembers(Collection<Long> memberIds, Notice notice) {
        toUsers(users.userIdsOfMembers(memberIds), notice);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void toRole(Role role, Notice notice) {
        toUsers(users.userIdsWithRole(role), notice);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void toUnit(Long unitId, Notice notice) {
        toUsers(users.userIdsOfUnit(unitId), notice);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void markReadAbout(Collection<String> links) {
        if (!links.isEmpty()) {
            notifications.findByLinkInAndReadAtIsNull(links).forEach(Notification::markRead);
        }
    }

    public Page<Entry> mine(boolean unreadOnly, PageRequest page) {
        CurrentUser me = CurrentUsers.require();
        Page<Notification> found = unreadOnly
                ? notifications.findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(me.id(), page)
                : notifications.findByUserIdOrderByCreatedAtDescIdDesc(me.id(), page);
        return found.map(this::entry);
    }

    @Transactional
    public Entry markRead(Long id) {
        CurrentUser me = CurrentUsers.require();
        Notification n = notifications.findById(id).filter(x -> x.getUserId().equals(me.id())).orElseThrow(NotFound::new);
        n.markRead();
        return entry(n);
    }

    /** Marks every unread entry of the signed-in user read; answers how many were unread. */
    @Transactional
    public int markAllRead() {
        CurrentUser me = CurrentUsers.require();
        List<Notification> unread = notifications.findByUserIdAndReadAtIsNull(me.id());
        unread.forEach(Notification::markRead);
        return unread.size();
    }

    /** Entries about the same thing (the same link, e.g. one case), in the order of their newest entry. */
    public record Group(String link, List<Entry> entries) {
        public Entry newest() {
            return entries.get(0);
        }

        public long unread() {
            return entries.stream().filter(e -> !e.read()).count();
        }
    }

    public static List<Group> grouped(List<Entry> entries) {
        java.util.Map<String, List<Entry>> byLink = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            String key = e.link() == null ? "#" + e.id() : e.link();
            byLink.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(e);
        }
        return byLink.values().stream().map(list -> new Group(list.get(0).link(), List.copyOf(list))).toList();
    }

    @Override
    public long unreadOfCurrentUser() {
        return CurrentUsers.current().map(u -> notifications.countByUserIdAndReadAtIsNull(u.id())).orElse(0L);
    }

    private Entry entry(Notification n) {
        List<String> args = JSON.readValue(n.getArgs(), new TypeReference<List<String>>() { });
        return new Entry(n.getId(), messages.get(n.getMessageKey(), args.toArray()), n.getLink(), n.getCreatedAt(),
                n.getReadAt() != null);
    }
}
