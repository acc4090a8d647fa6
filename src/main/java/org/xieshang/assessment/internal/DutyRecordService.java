package org.xieshang.assessment.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.activity.ActivityType;
import org.xieshang.assessment.DutyKind;
import org.xieshang.audit.AuditTrail;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;
import org.xieshang.socialreport.AdoptionLevel;

/** A member's duty record: what the system derived and what the office entered by hand. */
@Service
@Transactional(readOnly = true)
public class DutyRecordService {

    static final int MAX_DESCRIPTION = 500;
    static final int MAX_MANUAL_POINTS = 100;

    public record SourceRef(String type, Long id) {
    }

    public record EntryView(Long id, DutyKind kind, ActivityType activityType, AdoptionLevel level, LocalDate date,
                            String description, Integer points, SourceRef source, String evidence) {
    }

    public record RecordView(Long memberId, String memberName, LocalDate from, LocalDate to, List<EntryView> items) {
    }

    public record ManualForm(DutyKind kind, LocalDate date, String description, Integer points) {
    }

    public record Evidence(Path path, String filename, String contentType) {
    }

    private final DutyEntryRepository entries;
    private final MemberDirectory members;
    private final FileStore files;
    private final AuditTrail audit;
    private final Clock clock;

    DutyRecordService(DutyEntryRepository entries, MemberDirectory members, FileStore files, AuditTrail audit,
                      Clock clock) {
        this.entries = entries;
        this.members = members;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member's record in [from, to] (default: this year so far); 404 unknown member, 403 not theirs to see. */
    public RecordView record(Long memberId, LocalDate from, LocalDate to) {
        CurrentUser user = CurrentUsers.require();
        var member = members.find(memberId).orElseThrow(NotFound::new);
        if (!AssessmentAccess.sees(user, memberId)) {
            throw new Forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today.withMonth(12).withDayOfMonth(31) : to;
        if (t.isBefore(f)) {
            throw InvalidInput.field("to", "assessment.validation.period");
        }
        return new RecordView(memberId, member.name(), f, t, entries.record(memberId, f, t).stream().map(DutyRecordService::view).toList());
    }

    static EntryView view(DutyEntry e) {
        String publicType = e.getSourceType();
        return new EntryView(e.getId(), e.getKind(), e.getActivityType(), e.getAdoptionLevel(), e.getEntryDate(),
                e.getDescription(), e.getPoints(), new SourceRef(publicType, e.getSourceId()), e.getEvidenceName());
    }

    /** The office enters a MANUAL entry with optional evidence, positive or negative points. */
    @Transactional
    public EntryView manual(Long memberId, ManualForm form, MultipartFile evidence) {
        CurrentUser user = CurrentUsers.require();
        if (!members.exists(memberId)) {
            throw new NotFound();
        }
        if (!AssessmentAccess.office(user)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        if (form == null) {
            throw InvalidInput.field("description", "validation.required");
        }
        if (form.kind() != null && form.kind() != DutyKind.MANUAL) {
            invalid.add("kind", "assessment.validation.manualKind");
        }
        if (form.date() == null) {
            invalid.add("date", "validation.required");
        } else if (form.date().isAfter(LocalDate.now(clock))) {
            invalid.add("date", "assessment.validation.future");
        }
        String d = form.description() == null ? "" : form.description().strip();
        if (d.isEmpty()) {
            invalid.add("description", "validation.required");
        } else if (d.length() > MAX_DESCRIPTION) {
            invalid.add("description", "assessment.validation.length", MAX_DESCRIPTION);
        }
        if (form.points() == null) {
            invalid.add("points", "validation.required");
        } else if (Math.abs(form.points()) > MAX_MANUAL_POINTS) {
            invalid.add("points", "assessment.validation.manualPoints", MAX_MANUAL_POINTS);
        }
        invalid.throwIfAny();
        String name = evidence == null || evidence.isEmpty() ? null : FileStore.checked(evidence, "assessment");
        DutyEntry e = new DutyEntry(memberId, DutyRecordListener.MANUAL, null, "MANUAL");
        e.follow(DutyKind.MANUAL, null, null, form.date(), d, form.points(), true, CurrentUsers.actorName(), clock.instant());
        if (name != null) {
            e.evidence(files.store("assessment", evidence), name, FileStore.contentType(name));
        }
        e = entries.saveAndFlush(e);
        Map<String, Object> details = new HashMap<>();
        details.put("memberId", memberId);
        details.put("points", form.points());
        details.put("description", d);
        details.put("evidence", name);
        audit.record(DutyRecorder.AUDIT_TYPE, e.getId(), "MANUAL", details);
        return view(e);
    }

    /** The evidence file of a manual entry, for whoever may see the member's record. */
    public Evidence evidence(Long memberId, Long entryId) {
        DutyEntry e = entries.findById(entryId).filter(x -> x.getMemberId().equals(memberId) && x.getEvidenceKey() != null)
                .orElseThrow(NotFound::new);
        if (!AssessmentAccess.sees(CurrentUsers.require(), memberId)) {
            throw new Forbidden();
        }
        return new Evidence(files.path(e.getEvidenceKey()), e.getEvidenceName(), e.getEvidenceType());
    }
}
