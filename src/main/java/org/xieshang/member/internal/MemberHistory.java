package org.xieshang.member.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xieshang.audit.AuditRecord;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberRole;
import org.xieshang.member.MemberStatus;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.i18n.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a member's audit entries into a readable timeline: who, when, what, and each field before and after. */
public final class MemberHistory {

    /** One changed field; {@code before} is null for a creation, {@code after} for a deletion. */
    public record FieldChange(String label, String before, String after) {
    }

    public record Entry(Instant at, String actor, String action, List<FieldChange> changes) {
    }

    /** The member's fields in the order of the form; bookkeeping columns are left out. */
    private static final List<String> FIELDS = List.of("name", "gender", "ethnicity", "birthDate", "party", "sectorId",
            "specialCommitteeId", "workUnit", "title", "phone", "email", "roles", "status");
    private static final Set<String> HIDDEN = Set.of("createdAt", "committeeId", "id", "version");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Messages messages;
    private final Map<Long, String> sectors;
    private final Map<Long, String> specialCommittees;

    MemberHistory(Messages messages, Map<Long, String> sectors, Map<Long, String> specialCommittees) {
        this.messages = messages;
        this.sectors = sectors;
        this.specialCommittees = specialCommittees;
    }

    /** Newest first, as people read a timeline. */
    List<Entry> entries(List<AuditRecord> records) {
        List<Entry> entries = new ArrayList<>();
        for (AuditRecord r : records) {
            // the audit keeps the system's user name; people read its name in the committee's language
            String actor = SystemActor.NAME.equals(r.actor()) ? SystemActor.DISPLAY_NAME : r.actor();
            entries.add(0, new Entry(r.at(), actor, action(r.action()), changes(r)));
        }
        return entries;
    }

    private String action(String action) {
        String key = "history.action." + action;
        String text = messages.get(key);
        return text.equals(key) ? action : text;
    }

    private List<FieldChange> changes(AuditRecord r) {
        JsonNode root;
        try {
            root = JSON.readTree(r.changes() == null ? "{}" : r.changes());
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        JsonNode before = root.path("before");
        JsonNode after = root.path("after");
        if (!before.isObject() && !after.isObject()) {
            // a domain action: its details as they were recorded
            List<FieldChange> details = new ArrayList<>();
            root.properties().forEach(e -> details.add(new FieldChange(e.getKey(), null, plain(e.getValue()))));
            return details;
        }
        Map<String, Boolean> names = new LinkedHashMap<>();
        FIELDS.forEach(f -> names.put(f, Boolean.TRUE));
        before.propertyStream().forEach(e -> names.putIfAbsent(e.getKey(), Boolean.TRUE));
        after.propertyStream().forEach(e -> names.putIfAbsent(e.getKey(), Boolean.TRUE));
        List<FieldChange> changes = new ArrayList<>();
        for (String field : names.keySet()) {
            if (HIDDEN.contains(field) || (!before.has(field) && !after.has(field))) {
                continue;
            }
            String b = before.isObject() ? value(field, before.get(field)) : null;
            String a = after.isObject() ? value(field, after.get(field)) : null;
            if (b == null && a == null) {
                continue;
            }
            changes.add(new FieldChange(label(field), b, a));
        }
        return changes;
    }

    private String label(String field) {
        String key = "member.field." + field;
        String text = messages.get(key);
        return text.equals(key) ? field : text;
    }

    private String value(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (field) {
            case "gender" -> enumLabel(Gender.class, node.asString());
            case "status" -> enumLabel(MemberStatus.class, node.asString());
            case "sectorId" -> sectors.getOrDefault(node.asLong(), "#" + node.asString());
            case "specialCommitteeId" -> specialCommittees.getOrDefault(node.asLong(), "#" + node.asString());
            case "roles" -> roles(node);
            default -> plain(node);
        };
    }

    private String roles(JsonNode node) {
        List<String> labels = new ArrayList<>();
        if (node.isArray()) {
            node.values().forEach(v -> labels.add(enumLabel(MemberRole.class, v.asString())));
        } else {
            for (String part : node.asString().split(",")) {
                if (!part.isBlank()) {
                    labels.add(enumLabel(MemberRole.class, part.strip()));
                }
            }
        }
        return String.join(messages.get("history.listSeparator"), labels);
    }

    private <E extends Enum<E>> String enumLabel(Class<E> type, String name) {
        try {
            return messages.get("enum." + type.getSimpleName() + "." + Enum.valueOf(type, name).name());
        } catch (IllegalArgumentException unknown) {
            return name;
        }
    }

    private static String plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
