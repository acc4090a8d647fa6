package org.xieshang.socialreport.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.audit.AuditTrail;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;
import org.xieshang.socialreport.internal.SocialReportService.AttachmentView;

/**
 * Files attached to a report (issue 11, point 1): the author adds them while the report is
 * SUBMITTED, the office too (a decided report → 409); whoever may read the report lists and
 * downloads them. Stored under {@code <data-dir>/attachments} as the proposal module stores its
 * own (same types and size limit); the file bytes never pass through the database.
 */
@Service
@Transactional(readOnly = true)
class SocialReportAttachments {

    static final int MAX_PER_REPORT = 10;

    record Stored(String filename, String contentType, Path path) {
    }

    private final SocialReportRepository reports;
    private final SocialReportAttachmentRepository attachments;
    private final AuditTrail audit;
    private final Clock clock;
    private final FileStore files;

    SocialReportAttachments(SocialReportRepository reports, SocialReportAttachmentRepository attachments,
                            AuditTrail audit, Clock clock, FileStore files) {
        this.reports = reports;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
        this.files = files;
    }

    /** Attaches a file: 404 unless the caller sees the report, 403 unless author or office, 400 bad file, 409 decided. */
    @Transactional
    AttachmentView add(Long reportId, MultipartFile file) {
        CurrentUser user = CurrentUsers.require();
        SocialReport r = visible(reportId, user);
        if (!mayAttach(user, r)) {
            throw new Forbidden();
        }
        String name = checked(file);
        if (r.getStatus() != ReportStatus.SUBMITTED) {
            throw new Conflict("socialreport.decided", r.getStatus().name());
        }
        if (attachments.countByReportId(reportId) >= MAX_PER_REPORT) {
            throw InvalidInput.field("file", "socialreport.validation.fileCount", MAX_PER_REPORT);
        }
        SocialReportAttachment a = attachments.saveAndFlush(new SocialReportAttachment(reportId, name, type(name),
                file.getSize(), store(file), user.username(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attachmentId", a.getId());
        details.put("filename", name);
        details.put("size", a.getSize());
        audit.record(SocialReportService.AUDIT_TYPE, reportId, "ATTACH", details);
        return view(a);
    }

    /** The author while the report is pending (the state is checked apart, for its 409), or the office. */
    static boolean mayAttach(CurrentUser user, SocialReport r) {
        return SocialReportAccess.mayDecide(user)
                || (user.memberId() != null && Objects.equals(user.memberId(), r.getAuthorMemberId()));
    }

    /** A report's files; the caller has already been allowed to read the report. */
    List<AttachmentView> of(Long reportId) {
        return attachments.findByReportIdOrderByIdAsc(reportId).stream().map(SocialReportAttachments::view).toList();
    }

    /** A file to download: 404 unless the caller sees the report and the file belongs to it. */
    Stored get(Long reportId, Long attachmentId) {
        visible(reportId, CurrentUsers.require());
        SocialReportAttachment a = attachments.findById(attachmentId).filter(x -> x.getReportId().equals(reportId))
                .orElseThrow(NotFound::new);
        return new Stored(a.getFilename(), a.getContentType(), files.path(a.getStorageKey()));
    }

    /** The file's name when its name, type and size are acceptable; refused input (400) otherwise. */
    static String checked(MultipartFile file) {
        return FileStore.checked(file, "socialreport");
    }

    private SocialReport visible(Long id, CurrentUser user) {
        if (!SocialReportAccess.mayUse(user)) {
            throw new Forbidden();
        }
        SocialReport r = reports.findById(id).orElseThrow(NotFound::new);
        if (!SocialReportAccess.visible(user, r)) {
            throw new NotFound();
        }
        return r;
    }

    private String store(MultipartFile file) {
        return files.store("social-reports", file);
    }

    private static String type(String name) {
        return FileStore.contentType(name);
    }

    private static AttachmentView view(SocialReportAttachment a) {
        return new AttachmentView(a.getId(), a.getFilename(), a.getSize());
    }
}
