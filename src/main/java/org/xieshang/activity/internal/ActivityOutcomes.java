package org.xieshang.activity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.FileNames;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Outcome files of an activity (issue 11, point 6): the office uploads minutes, photos, research
 * reports; whoever may read the activity (office, CPPCC leaders, invitees) lists and downloads them.
 * Files are checked and stored as proposal attachments are (same types, same place under the data
 * directory); the store is the proposal module's internal, hence the few lines of its logic here.
 */
@Service
@Transactional(readOnly = true)
public class ActivityOutcomes {

    /** The same types proposal attachments accept. */
    static final Map<String, String> TYPES = Map.of("pdf", "application/pdf",
            "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xls", "application/vnd.ms-excel",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "txt", "text/plain");

    public record OutcomeView(Long id, String kind, String filename, String contentType, long size, String uploadedBy,
                       Instant uploadedAt) {
    }

    record Stored(String filename, String contentType, Path path) {
    }

    private final ActivityService activities;
    private final OutcomeRepository outcomes;
    private final AuditTrail audit;
    private final Path root;
    private final long maxBytes;

    ActivityOutcomes(ActivityService activities, OutcomeRepository outcomes, AuditTrail audit,
                     @Value("${xieshang.data-dir}") String dataDir,
                     @Value("${spring.servlet.multipart.max-file-size:10MB}") DataSize maxFileSize) {
        this.activities = activities;
        this.outcomes = outcomes;
        this.audit = audit;
        this.root = Path.of(dataDir, "attachments");
        this.maxBytes = maxFileSize.toBytes();
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
        String key;
        try (InputStream in = file.getInputStream()) {
            key = store(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store outcome file", e);
        }
        return save(activityId, k, name, file.getSize(), key, user);
    }

    /** The demo committee's minutes (checked data, no upload): through the same use case. */
    @Transactional
    OutcomeView addText(Long activityId, Outcome.Kind kind, String filename, String text) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN);
        activities.get(activityId);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return save(activityId, kind, filename, bytes.length, store(new java.io.ByteArrayInputStream(bytes)), user);
    }

    private OutcomeView save(Long activityId, Outcome.Kind k, String name, long size, String key, CurrentUser user) {
        Outcome o = outcomes.save(new Outcome(activityId, k, name, TYPES.get(extension(name)), size, key,
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
        Path path = root.resolve(o.getStorageKey());
        if (!Files.exists(path)) {
            throw new NotFound();
        }
        return new Stored(o.getFilename(), o.getContentType(), path);
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

    private String checked(MultipartFile file, InvalidInput invalid) {
        if (file == null || file.isEmpty()) {
            invalid.add("file", "validation.required");
            return null;
        }
        if (file.getOriginalFilename() != null && !FileNames.acceptable(file.getOriginalFilename())) {
            invalid.add("file", "validation.fileName");
            return null;
        }
        String name = FileNames.lastSegment(file.getOriginalFilename());
        if (!TYPES.containsKey(extension(name)) || name.length() > 200) {
            invalid.add("file", "activity.validation.fileType", String.join(", ", TYPES.keySet().stream().sorted().toList()));
        } else if (file.getSize() > maxBytes) {
            invalid.add("file", "activity.validation.fileSize", maxBytes / 1024 / 1024);
        }
        return name;
    }

    private String store(InputStream in) {
        String key = CommitteeContext.current() + "/activity/" + UUID.randomUUID();
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store outcome file", e);
        }
        return key;
    }

    private static String extension(String name) {
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static OutcomeView view(Outcome o) {
        return new OutcomeView(o.getId(), o.getKind().name(), o.getFilename(), o.getContentType(), o.getSize(),
                o.getUploadedBy(), o.getUploadedAt());
    }
}
