package org.xieshang.activity.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;

/**
 * Outcome files of an activity (issue 11, point 6): the office uploads minutes, photos, research
 * reports; whoever may read the activity (office, CPPCC leaders, invitees) lists and downloads them.
 * Files are checked and stored by the shared {@link FileStore}, as every module's uploads are.
 */
@Service
@Transactional(readOnly = true)
public class ActivityOutcomes {

    public record OutcomeView(Long id, String kind, String filename, String contentType, long size, String uploadedBy,
                       Instant uploadedAt) {
    }

    record Stored(String filename, String contentType, Path path) {
    }

    private final ActivityService activities;
    private final OutcomeRepository outcomes;
    private final AuditTrail audit;
    private final FileStore files;

    ActivityOutcomes(ActivityService activities, OutcomeRepository outcomes, AuditTrail audit, FileStore files) {
        this.activities = activities;
        this.outcomes = outcomes;
        this.audit = audit;
        this.files = files;
    }

    /** The office adds a file of the given kind (MINUTES, PHOTO, RESEARCH_REPORT, OTHER). */
    @Transactional
    OutcomeView add(Long activityId, String kind, MultipartFile file) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        activities.get(activityId);
        InvalidInput invalid = new InvalidInput();
        Outcome.Kind k = kind(kind, invalid);
        String name = checked(file, invalid);
        invalid.throwIfAny();
        return save(activityId, k, name, file.getSize(), files.store("activity", file), user);
    }

    /** The demo committee's minutes (checked data, no upload): through the same use case. */
    @Transactional
    OutcomeView addText(Long activityId, Outcome.Kind kind, String filename, String text) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        activities.get(activityId);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return save(activityId, kind, filename, bytes.length, files.store("activity", new java.io.ByteArrayInputStream(bytes)), user);
    }

    private OutcomeView save(Long activityId, Outcome.Kind k, String name, long size, String key, CurrentUser user) {
        Outcome o = outcomes.save(new Outcome(activityId, k, name, FileStore.contentType(name), size, key,
                user.username(), activities.now()));
        audit.record(ActivityService.AUDIT_TYPE, activityId, "outcomeAdded", Map.of("outcomeId", o.getId(),
                "kind", k.name(), "filename", name));
        return view(o);
    }

    /** The outcome files, oldest first; 404 for whoever may not read the activity. */
    List<OutcomeView> list(Long activityId) {
        activities.get(activityId);
        return outcomes.findByActivityIdOrderByIdAsc(activityId).stream().map(ActivityOutcomes::view).toList();
    }

    Stored get(Long activityId, Long outcomeId) {
        activities.get(activityId);
        Outcome o = outcomes.findById(outcomeId).filter(x -> x.getActivityId().equals(activityId)).orElseThrow(NotFound::new);
        return new Stored(o.getFilename(), o.getContentType(), files.path(o.getStorageKey()));
    }

    private static Outcome.Kind kind(String kind, InvalidInput invalid) {
        if (kind == null || kind.isBlank()) {
            invalid.add("kind", "validation.required");
            return null;
        }
        try {
            return Outcome.Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            invalid.add("kind", "validation.unknownValue");
            return null;
        }
    }

    /** The file's name, its problems (with those of the other fields) collected in {@code invalid}. */
    private static String checked(MultipartFile file, InvalidInput invalid) {
        try {
            return FileStore.checked(file, "activity");
        } catch (InvalidInput bad) {
            bad.problems().forEach(p -> invalid.add(p.field(), p.messageKey(), p.args()));
            return null;
        }
    }

    private static OutcomeView view(Outcome o) {
        return new OutcomeView(o.getId(), o.getKind().name(), o.getFilename(), o.getContentType(), o.getSize(),
                o.getUploadedBy(), o.getUploadedAt());
    }
}
