package org.xieshang.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.socialreport.AdoptionLevel;

/**
 * Writes the duty record from what the sources say: one entry per source, aspect and member,
 * created the first time and updated when the source changes, so a repeated event changes nothing.
 * Descriptions are written in the committee's language (zh-CN).
 */
@Component
class DutyRecorder {

    static final String AUDIT_TYPE = "DutyEntry";

    private final DutyEntryRepository entries;
    private final Messages messages;
    private final AuditTrail audit;
    private final Clock clock;

    DutyRecorder(DutyEntryRepository entries, Messages messages, AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The keys the current thread's rebuild has followed, while it collects them ({@link #collecting}). */
    private final ThreadLocal<java.util.Set<Key>> followed = new ThreadLocal<>();

    /** Runs the steps with every key they follow added to {@code into} (the rebuild's sweep needs them). */
    void collecting(java.util.Set<Key> into, Runnable steps) {
        followed.set(into);
        try {
            steps.run();
        } finally {
            followed.remove();
        }
    }

    /** The source's aspect for this member now says this (active) or no longer counts (inactive). */
    @Transactional
    public void follow(Source source, Long memberId, DutyKind kind, ActivityType type, AdoptionLevel level, LocalDate date,
                       boolean active, Object... descriptionArgs) {
        java.util.Set<Key> into = followed.get();
        if (into != null) {
            into.add(new Key(source.type(), source.id(), source.aspect(), memberId));
        }
        DutyEntry e = entries.findBySourceTypeAndSourceIdAndSourceAspectAndMemberId(source.type(), source.id(),
                source.aspect(), memberId).orElse(null);
        if (e == null && !active) {
            return;
        }
        boolean created = e == null;
        if (created) {
            e = new DutyEntry(memberId, source.type(), source.id(), source.aspect());
        }
        String description = describe(kind, type, level, descriptionArgs);
        if (e.follow(kind, type, level, date, description, null, active, CurrentUsers.actorName(), clock.instant())) {
            entries.saveAndFlush(e);
            audit.record(AUDIT_TYPE, e.getId(), created ? "DERIVE" : "FOLLOW",
                    Map.of("memberId", memberId, "kind", kind.name(), "source", source.type() + "#" + source.id(),
                            "active", active));
        }
    }

    /** Entries of a merged case keep counting; their text says where the case went (once). */
    @Transactional
    public void merged(java.util.List<DutyEntry> of, Long intoId) {
        String suffix = messages.get(Messages.DEFAULT_LOCALE, "assessment.entry.merged", intoId);
        for (DutyEntry e : of) {
            if (!e.getDescription().endsWith(suffix)) {
                String d = e.getDescription() + suffix;
                e.describe(d.length() > 500 ? d.substring(0, 500) : d);
                entries.saveAndFlush(e);
                audit.record(AUDIT_TYPE, e.getId(), "FOLLOW", Map.of("mergedInto", intoId));
            }
        }
    }

    String describe(DutyKind kind, ActivityType type, AdoptionLevel level, Object... args) {
        String what = type != null ? messages.get(Messages.DEFAULT_LOCALE, "activity.type." + type.name())
                : level != null ? messages.get(Messages.DEFAULT_LOCALE, "assessment.level." + level.name()) : "";
        Object[] all = new Object[args.length + 1];
        all[0] = what;
        System.arraycopy(args, 0, all, 1, args.length);
        String text = messages.get(Messages.DEFAULT_LOCALE, "assessment.entry." + kind.name(), all);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /**
     * A derived entry whose source no longer says it (deleted, or changed while its event was lost):
     * it stops counting, audited like any other change of the record.
     */
    @Transactional
    public void lapse(DutyEntry e, Long rebuildId) {
        e.deactivate(clock.instant());
        entries.saveAndFlush(e);
        audit.record(AUDIT_TYPE, e.getId(), "FOLLOW", Map.of("memberId", e.getMemberId(), "kind", e.getKind().name(),
                "source", e.getSourceType() + "#" + e.getSourceId(), "active", false, "rebuild", rebuildId));
    }

    /** One entry's identity: its source, the aspect and the member. */
    record Key(String type, Long id, String aspect, Long memberId) {
        static Key of(DutyEntry e) {
            return new Key(e.getSourceType(), e.getSourceId(), e.getSourceAspect(), e.getMemberId());
        }
    }

    /** Where an entry comes from: the source's type and id, and which aspect of it (one entry per member each). */
    record Source(String type, Long id, String aspect) {
    }
}
