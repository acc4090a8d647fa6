package org.xieshang.assessment.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.assessment.AssessmentFigures;
import org.xieshang.audit.AuditTrail;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;

/**
 * What follows an assessment (DESIGN §4 "Consequences"): the office records warnings, persuasion
 * to resign and admonishment talks with reason, date and documents; a member asks to resign and
 * the office approves after the standing committee meeting, then the member is RESIGNED.
 */
@Service
@Transactional(readOnly = true)
public class ConsequenceService implements AssessmentFigures {

    static final String ACTION_AUDIT = "MemberAction";
    static final String RESIGNATION_AUDIT = "Resignation";
    static final int MAX_REASON = 2000;
    static final int MAX_MEETING = 200;

    public record DocumentView(Long id, String filename, String contentType, long size) {
    }

    public record ActionView(Long id, Long memberId, MemberAction.Type type, String reason, LocalDate date,
                             Instant recordedAt, String recordedBy, List<DocumentView> documents) {
    }

    public record ResignationView(Long id, Long memberId, String reason, String status, Instant requestedAt,
                                  String meeting, LocalDate meetingDate, Instant decidedAt, String decidedBy,
                                  MemberStatus memberStatus, long version) {
    }

    public record Stored(Path path, String filename, String contentType) {
    }

    private final ActionRepository actions;
    private final ActionDocumentRepository documents;
    private final ResignationRepository resignations;
    private final MemberDirectory members;
    private final FileStore files;
    private final AuditTrail audit;
    private final Clock clock;

    ConsequenceService(ActionRepository actions, ActionDocumentRepository documents, ResignationRepository resignations,
                       MemberDirectory members, FileStore files, AuditTrail audit, Clock clock) {
        this.actions = actions;
        this.documents = documents;
        this.resignations = resignations;
        this.members = members;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    private MemberDirectory.MemberSummary member(Long id) {
        return members.find(id).orElseThrow(NotFound::new);
    }

    private static String text(InvalidInput invalid, String field, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            invalid.add(field, "validation.required");
        } else if (v.length() > max) {
            invalid.add(field, "assessment.validation.length", max);
        }
        return v;
    }

    /** Records an action (ADMIN); WARNING sets WARNED, PERSUADE_TO_RESIGN sets PERSUADED_TO_RESIGN. */
    @Transactional
    public ActionView act(Long memberId, MemberAction.Type type, String reason, LocalDate date) {
        CurrentUser user = CurrentUsers.require();
        var m = member(memberId);
        if (!AssessmentAccess.office(user)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        if (type == null) {
            invalid.add("type", "validation.required");
        }
        String r = text(invalid, "reason", reason, MAX_REASON);
        if (date == null) {
            invalid.add("date", "validation.required");
        } else if (date.isAfter(LocalDate.now(clock))) {
            invalid.add("date", "assessment.validation.future");
        }
        invalid.throwIfAny();
        if (m.status() == MemberStatus.RESIGNED || m.status() == MemberStatus.REMOVED) {
            throw new Conflict("assessment.notServing");
        }
        MemberAction a = actions.saveAndFlush(new MemberAction(memberId, type, r, date, clock.instant(),
                CurrentUsers.actorName()));
        audit.record(ACTION_AUDIT, a.getId(), type.name(), Map.of("memberId", memberId, "reason", r, "date", date.toString()));
        if (type == MemberAction.Type.WARNING && m.status() == MemberStatus.ACTIVE) {
            members.changeStatus(memberId, MemberStatus.WARNED);
        } else if (type == MemberAction.Type.PERSUADE_TO_RESIGN) {
            members.changeStatus(memberId, MemberStatus.PERSUADED_TO_RESIGN);
        }
        return view(a, List.of());
    }

    /** A document of an action (ADMIN), kept in the shared file store. */
    @Transactional
    public DocumentView attach(Long memberId, Long actionId, MultipartFile file) {
        MemberAction a = actions.findById(actionId).filter(x -> x.getMemberId().equals(memberId)).orElseThrow(NotFound::new);
        if (!AssessmentAccess.office(CurrentUsers.require())) {
            throw new Forbidden();
        }
        String name = FileStore.checked(file, "assessment");
        ActionDocument d = documents.saveAndFlush(new ActionDocument(a.getId(), files.store("assessment", file), name,
                FileStore.contentType(name), file.getSize()));
        audit.record(ACTION_AUDIT, a.getId(), "ATTACH", Map.of("file", name));
        return new DocumentView(d.getId(), d.getFilename(), d.getContentType(), d.getSizeBytes());
    }

    public Stored document(Long memberId, Long actionId, Long documentId) {
        MemberAction a = actions.findById(actionId).filter(x -> x.getMemberId().equals(memberId)).orElseThrow(NotFound::new);
        if (!AssessmentAccess.seesAll(CurrentUsers.require())) {
            throw new Forbidden();
        }
        ActionDocument d = documents.findById(documentId).filter(x -> x.getActionId().equals(a.getId()))
                .orElseThrow(NotFound::new);
        return new Stored(files.path(d.getFileKey()), d.getFilename(), d.getContentType());
    }

    /** The member's actions, newest first (ADMIN, leaders; the member sees their own history). */
    public List<ActionView> actions(Long memberId) {
        member(memberId);
        if (!AssessmentAccess.sees(CurrentUsers.require(), memberId)) {
            throw new Forbidden();
        }
        List<MemberAction> list = actions.findByMemberIdOrderByActionDateDescIdDesc(memberId);
        Map<Long, List<DocumentView>> docs = new HashMap<>();
        documents.findByActionIdInOrderByIdAsc(list.stream().map(MemberAction::getId).toList()).forEach(d -> docs
                .computeIfAbsent(d.getActionId(), k -> new java.util.ArrayList<>())
                .add(new DocumentView(d.getId(), d.getFilename(), d.getContentType(), d.getSizeBytes())));
        return list.stream().map(a -> view(a, docs.getOrDefault(a.getId(), List.of()))).toList();
    }

    static ActionView view(MemberAction a, List<DocumentView> docs) {
        return new ActionView(a.getId(), a.getMemberId(), a.getActionType(), a.getReason(), a.getActionDate(),
                a.getRecordedAt(), a.getRecordedBy(), docs);
    }

    /** The member asks to resign (only for themselves); one open request at a time (409). */
    @Transactional
    public ResignationView request(Long memberId, String reason) {
        CurrentUser user = CurrentUsers.require();
        var m = member(memberId);
        if (user.memberId() == null || !user.memberId().equals(memberId)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        String r = text(invalid, "reason", reason, MAX_REASON);
        invalid.throwIfAny();
        if (!m.status().isServing() && m.status() != MemberStatus.PERSUADED_TO_RESIGN) {
            throw new Conflict("assessment.notServing");
        }
        if (resignations.findFirstByMemberIdAndStatus(memberId, Resignation.Status.REQUESTED).isPresent()) {
            throw new Conflict("assessment.resignation.open");
        }
        Resignation res = resignations.saveAndFlush(new Resignation(memberId, r, clock.instant(), CurrentUsers.actorName()));
        audit.record(RESIGNATION_AUDIT, res.getId(), "REQUEST", Map.of("memberId", memberId, "reason", r));
        return view(res, m.status());
    }

    /**
     * The office approves the open request after the standing committee meeting (its name and
     * date recorded); the member becomes RESIGNED. 409 without an open request.
     */
    @Transactional
    public ResignationView approve(Long memberId, String meeting, LocalDate meetingDate, Long version) {
        CurrentUser user = CurrentUsers.require();
        member(memberId);
        if (!AssessmentAccess.office(user)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        String mt = text(invalid, "meeting", meeting, MAX_MEETING);
        if (meetingDate == null) {
            invalid.add("date", "validation.required");
        } else if (meetingDate.isAfter(LocalDate.now(clock))) {
            invalid.add("date", "assessment.validation.future");
        }
        invalid.throwIfAny();
        Resignation res = resignations.findFirstByMemberIdAndStatus(memberId, Resignation.Status.REQUESTED)
                .orElseThrow(() -> new Conflict("assessment.resignation.none"));
        if (version != null && version != res.getVersion()) {
            throw new Conflict("error.concurrentChange");
        }
        res.approve(mt, meetingDate, clock.instant(), CurrentUsers.actorName());
        resignations.saveAndFlush(res);
        audit.record(RESIGNATION_AUDIT, res.getId(), "APPROVE", Map.of("memberId", memberId, "meeting", mt,
                "date", meetingDate.toString()));
        members.changeStatus(memberId, MemberStatus.RESIGNED);
        return view(res, MemberStatus.RESIGNED);
    }

    public List<ResignationView> resignations(Long memberId) {
        var m = member(memberId);
        if (!AssessmentAccess.sees(CurrentUsers.require(), memberId)) {
            throw new Forbidden();
        }
        return resignations.findByMemberIdOrderByRequestedAtDescIdDesc(memberId).stream().map(r -> view(r, m.status())).toList();
    }

    static ResignationView view(Resignation r, MemberStatus status) {
        return new ResignationView(r.getId(), r.getMemberId(), r.getReason(), r.getStatus().name(), r.getRequestedAt(),
                r.getMeeting(), r.getMeetingDate(), r.getDecidedAt(), r.getDecidedBy(), status, r.getVersion());
    }

    @Override
    public Figures between(LocalDate from, LocalDate to) {
        Map<MemberAction.Type, Long> counts = new java.util.EnumMap<>(MemberAction.Type.class);
        for (Object[] row : actions.countByType(from, to)) {
            counts.put((MemberAction.Type) row[0], (Long) row[1]);
        }
        return new Figures(resignations.approvedBetween(from, to), counts.getOrDefault(MemberAction.Type.ADMONISHMENT_TALK, 0L),
                counts.getOrDefault(MemberAction.Type.WARNING, 0L), counts.getOrDefault(MemberAction.Type.PERSUADE_TO_RESIGN, 0L));
    }
}
