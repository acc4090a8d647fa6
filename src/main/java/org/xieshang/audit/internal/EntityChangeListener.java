package org.xieshang.audit.internal;

import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.tenancy.CommitteeContext;
import org.xieshang.shared.time.AppTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captures every insert, update and delete of the application's entities with the values
 * before and after, so that no use case can forget its audit record.
 */
class EntityChangeListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditWriter writer;

    EntityChangeListener(AuditWriter writer) {
        this.writer = writer;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (audited(event.getEntity())) {
            Map<String, Object> after = new LinkedHashMap<>();
            String[] names = event.getPersister().getPropertyNames();
            for (int i = 0; i < names.length; i++) {
                put(after, names[i], event.getState()[i]);
            }
            buffer(event.getEntity(), event.getPersister(), event.getId(), "CREATE", Map.of("after", after));
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (!audited(event.getEntity())) {
            return;
        }
        String[] names = event.getPersister().getPropertyNames();
        Object[] old = event.getOldState();
        Object[] now = event.getState();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Object o = old == null ? null : old[i];
            if (names[i].equals("version") || unchanged(names[i], o, now[i])) {
                continue;
            }
            put(before, names[i], o);
            put(after, names[i], now[i]);
        }
        if (!after.isEmpty()) {
            buffer(event.getEntity(), event.getPersister(), event.getId(), "UPDATE", Map.of("before", before, "after", after));
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        if (audited(event.getEntity())) {
            Map<String, Object> before = new LinkedHashMap<>();
            String[] names = event.getPersister().getPropertyNames();
            for (int i = 0; i < names.length; i++) {
                put(before, names[i], event.getDeletedState()[i]);
            }
            buffer(event.getEntity(), event.getPersister(), event.getId(), "DELETE", Map.of("before", before));
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void buffer(Object entity, EntityPersister persister, Object id, String action, Map<String, ?> changes) {
        long chain = chainOf(entity);
        AuditBuffer.add(writer, new PendingEntry(chain, AppTime.now().truncatedTo(ChronoUnit.MILLIS),
                CurrentUsers.actorName(), entity.getClass().getSimpleName(), String.valueOf(id), action,
                JSON.writeValueAsString(changes)));
    }

    static long chainOf(Object entity) {
        if (entity instanceof CommitteeScopedEntity scoped && scoped.getCommitteeId() != null) {
            return scoped.getCommitteeId();
        }
        Long current = CommitteeContext.current();
        return current != null && current > 0 ? current : 0L;
    }

    private static boolean audited(Object entity) {
        return entity.getClass().getName().startsWith("org.xieshang.");
    }

    private static final Object SKIP = new Object();

    private static void put(Map<String, Object> map, String name, Object value) {
        if (name.equals("version")) {
            return;
        }
        Object rendered = render(name, value);
        if (rendered != SKIP) {
            map.put(name, rendered);
        }
    }

    /** Secrets all render as "[redacted]": compare their values, so that a new password is still recorded. */
    private static boolean unchanged(String name, Object before, Object after) {
        return secret(name) ? java.util.Objects.equals(before, after)
                : java.util.Objects.equals(render(name, before), render(name, after));
    }

    private static boolean secret(String name) {
        String lower = name.toLowerCase();
        return lower.contains("password") || lower.contains("tokenhash");
    }

    private static Object render(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (secret(name)) {
            return "[redacted]";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof CommitteeScopedEntity entity) {
            // an association: its id tells which record; the record has its own entries
            return entity.getId();
        }
        if (value instanceof Collection<?> c) {
            if (c.stream().anyMatch(v -> v instanceof CommitteeScopedEntity)) {
                return SKIP;
            }
            return c.stream().map(v -> render(name, v)).toList();
        }
        return String.valueOf(value);
    }
}
