package org.xieshang.socialreport.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.audit.AuditTrail;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.notification.TaskDone;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.socialreport.AdoptionLevel;
import org.xieshang.socialreport.SocialReportAdopted;
import org.xieshang.socialreport.SocialReportSubmitted;

/**
 * The use cases of social-conditions reports (DESIGN §7), each one transaction that checks who
 * may act (see {@link SocialReportAccess}), changes the report, writes the audit record, tells
 * the people concerned and publishes the events for the duty record.
 */
@Service
@Transactional(readOnly = true)
public class SocialReportService {

    static final String AUDIT_TYPE = "SocialReport";
    static final int MAX_TITLE = 200;
    static final int MAX_CONTENT = 20000;
    static final int MAX_CATEGORY = 60;
    static final int MAX_REASON = 2000;
    static final int MAX_COMMENT = 4000;
    private static final Set<String> ACTIONS = Set.of("SUBMIT", "CONVERT", "EDIT", "ADOPT", "REJECT", "COMMENT",
            "ATTACH");

    public record ReportForm(String title, String content, String category) {
    }

    public record CommentView(Long id, Long authorUserId, String authorName, String content, Instant createdAt) {
    }

    /** A file attached to the report (see {@link SocialReportAttachments}). */
    public record AttachmentView(Long id, String name, long size) {
    }

    public record HistoryEntry(Instant at, String actor, String action) {
    }

    public record Original(String title, String content) {
    }

    public record ReportView(Long id, String title, String content, String category, ReportStatus status,
                             AdoptionLevel level, String reason, Long authorMemberId, String authorName, Long sectorId,
                             String sectorName, ReportOrigin origin, Long proposalId, Original original, boolean edited,
                             Instant editedAt, String editedBy, LocalDate submittedOn, Instant submittedAt,
                             Instant decidedAt, String decidedBy, List<CommentView> comments, List<AttachmentView> attachments,
                             List<HistoryEntry> history,
                             long version) {
    }

    public record ReportSummary(Long id, String title, String category, ReportStatus status, AdoptionLevel level,
                                Long authorMemberId, String authorName, String sectorName, ReportOrigin origin,
                                LocalDate submittedOn, int comments, String snippet) {
    }

    public record Filter(String q, ReportStatus status, Integer year, Long memberId, Long sectorId, String category,
                         boolean mine) {
    }

    private final SocialReportRepository reports;
    private final SocialReportCommentRepository comments;
    private final SocialReportSearch search;
    private final SocialReportAttachments attachments;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Notifications notifications;
    private final LeaderHandOff handOff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SocialReportService(SocialReportRepository reports, SocialReportCommentRepository comments, SocialReportSearch search,
                        SocialReportAttachments attachments, MemberDirectory members, ReferenceData reference, Notifications notifications,
                        LeaderHandOff handOff, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.comments = comments;
        this.search = search;
        this.attachments = attachments;
        this.members = members;
        this.reference = reference;
        this.notifications = notifications;
        this.handOff = handOff;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A member writes a report (MEMBER with a member record; others 403). */
    @Transactional
    public ReportView submit(ReportForm form) {
        CurrentUser user = CurrentUsers.require();
        if (!SocialReportAccess.mayWrite(user)) {
            throw new Forbidden();
        }
        ReportForm f = validate(form, true);
        SocialReport r = reports.saveAndFlush(new SocialReport(user.memberId(), sectorOf(user.memberId()), f.title(),
                f.content(), f.category(), ReportOrigin.MEMBER, null, today(), now(), user.username()));
        audit.record(AUDIT_TYPE, r.getId(), "SUBMIT", details("title", f.title(), "category", f.category()));
        notifications.toRole(Role.PROPOSAL_STAFF, Notice.of("socialreport.notice.submitted", link(r), f.title())
                .forTask(reviewTask(r)));
        events.publishEvent(new SocialReportSubmitted(user.committeeId(), r.getId(), r.getAuthorMemberId(),
                r.getSubmittedOn(), null));
        return view(r);
    }

    /**
     * A member writes a report with files (the write form on the phone): the files are checked
     * before anything is stored, and a refused file refuses the whole report (one transaction).
     */
    @Transactional
    public ReportView submit(ReportForm form, List<org.springframework.web.multipart.MultipartFile> files) {
        List<org.springframework.web.multipart.MultipartFile> given = files == null ? List.of()
                : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (!SocialReportAccess.mayWrite(CurrentUsers.require())) {
            throw new Forbidden();
        }
        validate(form, true);
        if (given.size() > SocialReportAttachments.MAX_PER_REPORT) {
            throw InvalidInput.field("file", "socialreport.validation.fileCount", SocialReportAttachments.MAX_PER_REPORT);
        }
        given.forEach(SocialReportAttachments::checked);
        ReportView submitted = submit(form);
        given.forEach(f -> attachments.add(submitted.id(), f));
        return get(submitted.id());
    }

    /**
     * A not-filed proposal converted by the office becomes a report of its lead proposer, once
     * (a repeated delivery of the event finds the report made the first time). Runs as the system.
     */
    @Transactional
    public Long fromProposal(Long proposalId, Long leadMemberId, String title, String content) {
        SocialReport existing = reports.findByOriginProposalId(proposalId).orElse(null);
        if (existing != null) {
            return existing.getId();
        }
        String t = clip(clean(title), MAX_TITLE);
        String c = clip(clean(content), MAX_CONTENT);
        SocialReport r = reports.saveAndFlush(new SocialReport(leadMemberId, sectorOf(leadMemberId),
                t == null ? "—" : t, c == null ? "—" : c, null, ReportOrigin.PROPOSAL, proposalId, today(), now(),
                CurrentUsers.actorName()));
        audit.record(AUDIT_TYPE, r.getId(), "CONVERT", details("proposalId", proposalId));
        notifications.toMembers(List.of(leadMemberId), Notice.of("socialreport.notice.converted", link(r), r.getTitle()));
        events.publishEvent(new SocialReportSubmitted(r.getCommitteeId(), r.getId(), leadMemberId, r.getSubmittedOn(),
                proposalId));
        return r.getId();
    }

    /** The office edits a submitted report; the member's original stays as it was. */
    @Transactional
    public ReportView edit(Long id, ReportForm form, Long version) {
        SocialReport r = forDecision(id, version);
        ReportForm f = validate(form, false);
        r.edit(f.title() != null ? f.title() : r.currentTitle(), f.content() != null ? f.content() : r.currentContent(),
                f.category(), now(), CurrentUsers.actorName());
        reports.saveAndFlush(r);
        audit.record(AUDIT_TYPE, r.getId(), "EDIT", details("title", r.getEditedTitle(), "category", r.getCategory()));
        return view(r);
    }

    /** The office's review of a submitted report: its notice is cleared by the decision (adopted or not). */
    static String reviewTask(SocialReport r) {
        return "socialreport:" + r.getId() + ":review";
    }

    /** Adopts a submitted report at a level (DISTRICT by default); the author is told, leaders receive it. */
    @Transactional
    public ReportView adopt(Long id, AdoptionLevel level, Long version) {
        SocialReport r = forDecision(id, version);
        AdoptionLevel l = level == null ? AdoptionLevel.DISTRICT : level;
        r.adopt(l, now(), CurrentUsers.actorName());
        reports.saveAndFlush(r);
        audit.record(AUDIT_TYPE, r.getId(), "ADOPT", details("level", l.name()));
        events.publishEvent(TaskDone.forAll(r.getCommitteeId(), reviewTask(r)));
        notifications.toMembers(List.of(r.getAuthorMemberId()),
                Notice.of("socialreport.notice.adopted." + l.name(), link(r), r.currentTitle()));
        handOff.adopted(r.getId(), r.currentTitle(), r.currentContent());
        events.publishEvent(new SocialReportAdopted(r.getCommitteeId(), r.getId(), r.getAuthorMemberId(), l, today()));
        return view(r);
    }

    /**
     * Withdraws an adoption made in error, with a reason (→ SUBMITTED again, level cleared); the
     * author is told, and the event takes the adoption out of the duty record. 409 unless ADOPTED.
     */
    @Transactional
    public ReportView withdrawAdoption(Long id, String reason, Long version) {
        String why = clean(reason);
        if (why == null) {
            throw InvalidInput.field("reason", "validation.required");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidInput.field("reason", "validation.length", "1", String.valueOf(MAX_REASON));
        }
        CurrentUser user = CurrentUsers.require();
        SocialReport r = visible(id, user);
        if (!SocialReportAccess.mayDecide(user)) {
            throw new Forbidden();
        }
        if (r.getStatus() != ReportStatus.ADOPTED) {
            throw new Conflict("socialreport.notAdoptedToWithdraw");
        }
        if (version != null && version != r.getVersion()) {
            throw new Conflict("socialreport.stale");
        }
        AdoptionLevel was = r.getLevel();
        r.withdrawAdoption();
        reports.saveAndFlush(r);
        audit.record(AUDIT_TYPE, r.getId(), "WITHDRAW_ADOPTION", details("level", was.name(), "reason", why));
        notifications.toMembers(List.of(r.getAuthorMemberId()),
                Notice.of("socialreport.notice.adoptionWithdrawn", link(r), r.currentTitle(), why));
        events.publishEvent(new org.xieshang.socialreport.SocialReportAdoptionWithdrawn(r.getCommitteeId(), r.getId(),
                r.getAuthorMemberId(), was, today()));
        return view(r);
    }

    /** Refuses a submitted report with a reason (→ NOT_ADOPTED); the author is told why. */
    @Transactional
    public ReportView reject(Long id, String reason, Long version) {
        String why = clean(reason);
        if (why == null) {
            throw InvalidInput.field("reason", "validation.required");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidInput.field("reason", "validation.length", "1", String.valueOf(MAX_REASON));
        }
        SocialReport r = forDecision(id, version);
        r.refuse(why, now(), CurrentUsers.actorName());
        reports.saveAndFlush(r);
        audit.record(AUDIT_TYPE, r.getId(), "REJECT", details("reason", why));
        events.publishEvent(TaskDone.forAll(r.getCommitteeId(), reviewTask(r)));
        notifications.toMembers(List.of(r.getAuthorMemberId()),
                Notice.of("socialreport.notice.refused", link(r), r.currentTitle(), why));
        return view(r);
    }

    /** A leader's comment (批示) on an adopted report; the author is told. */
    @Transactional
    public CommentView comment(Long id, String content) {
        CurrentUser user = CurrentUsers.require();
        SocialReport r = visible(id, user);
        if (!SocialReportAccess.mayComment(user)) {
            throw new Forbidden();
        }
        String text = clean(content);
        if (text == null) {
            throw InvalidInput.field("content", "validation.required");
        }
        if (text.length() > MAX_COMMENT) {
            throw InvalidInput.field("content", "validation.length", "1", String.valueOf(MAX_COMMENT));
        }
        if (r.getStatus() != ReportStatus.ADOPTED) {
            throw new Conflict("socialreport.notAdopted");
        }
        SocialReportComment c = comments.saveAndFlush(new SocialReportComment(r.getId(), user.id(), user.displayName(),
                text, now()));
        audit.record(AUDIT_TYPE, r.getId(), "COMMENT", details("commentId", c.getId(), "content", text));
        notifications.toMembers(List.of(r.getAuthorMemberId()),
                Notice.of("socialreport.notice.commented", link(r), r.currentTitle(), user.displayName()));
        return commentView(c);
    }

    /**
     * A leader's comment on a 社情民意专报 bulletin about the report (see {@link SocialReportBulletinSubjects}):
     * the bulletin module has checked that the leader received it, so it is recorded as it was made;
     * the author is told as for a comment made on the report.
     */
    @Transactional
    void recordLeaderComment(Long id, Long leaderUserId, String leaderName, String content, String bulletinNumber) {
        SocialReport r = reports.findById(id).orElse(null);
        String text = clean(content);
        if (r == null || text == null) {
            return;
        }
        SocialReportComment c = comments.saveAndFlush(new SocialReportComment(r.getId(), leaderUserId, leaderName,
                clip(text, MAX_COMMENT), now()));
        audit.record(AUDIT_TYPE, r.getId(), "COMMENT", details("commentId", c.getId(), "content", c.getContent(),
                "bulletin", bulletinNumber));
        notifications.toMembers(List.of(r.getAuthorMemberId()),
                Notice.of("socialreport.notice.commented", link(r), r.currentTitle(), leaderName));
    }

    public ReportView get(Long id) {
        return view(visible(id, CurrentUsers.require()));
    }

    /** The reports the caller may see, newest first, or best match first with a text query. */
    public Page<ReportSummary> list(Filter filter, PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        if (!SocialReportAccess.mayUse(user)) {
            throw new Forbidden();
        }
        String category = clean(filter.category());
        LocalDate from = filter.year() == null ? LocalDate.of(1900, 1, 1) : LocalDate.of(filter.year(), 1, 1);
        LocalDate to = filter.year() == null ? LocalDate.of(9999, 12, 31) : LocalDate.of(filter.year(), 12, 31);
        boolean all = SocialReportAccess.seesAll(user) && !filter.mine();
        Long own = user.memberId() == null ? -1L : user.memberId();
        boolean adoptedToo = SocialReportAccess.seesAdopted(user) && !filter.mine();
        String q = SocialReportSearch.clean(filter.q());
        if (!q.isEmpty()) {
            Page<SocialReportSearch.Hit> hits = search.search(q, filter, category, from, to, all, own, adoptedToo, page);
            Map<Long, SocialReport> byId = new HashMap<>();
            reports.findAllById(hits.getContent().stream().map(SocialReportSearch.Hit::id).toList())
                    .forEach(r -> byId.put(r.getId(), r));
            List<SocialReport> found = new ArrayList<>();
            Map<Long, String> snippets = new HashMap<>();
            for (SocialReportSearch.Hit h : hits.getContent()) {
                SocialReport r = byId.get(h.id());
                if (r != null) {
                    found.add(r);
                    if (h.snippet() != null) {
                        snippets.put(r.getId(), h.snippet());
                    }
                }
            }
            return new PageImpl<>(summaries(found, snippets), page, hits.getTotalElements());
        }
        Page<SocialReport> found = reports.list(all, own, adoptedToo, filter.status(), filter.memberId(), filter.sectorId(),
                category, from, to, page);
        return new PageImpl<>(summaries(found.getContent(), Map.of()), page, found.getTotalElements());
    }

    /** Reports submitted within [from, to] (figures); the caller's access is checked by the caller. */
    List<SocialReport> submittedBetween(LocalDate from, LocalDate to) {
        return reports.findBySubmittedOnBetween(from, to);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- helpers ---

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

    /** A report the office may decide on: visible, the caller is PROPOSAL_STAFF, still submitted, not stale. */
    private SocialReport forDecision(Long id, Long version) {
        CurrentUser user = CurrentUsers.require();
        SocialReport r = visible(id, user);
        if (!SocialReportAccess.mayDecide(user)) {
            throw new Forbidden();
        }
        if (r.getStatus() != ReportStatus.SUBMITTED) {
            throw new Conflict("socialreport.decided", r.getStatus().name());
        }
        if (version != null && version != r.getVersion()) {
            throw new Conflict("socialreport.stale");
        }
        return r;
    }

    private ReportForm validate(ReportForm form, boolean required) {
        ReportForm f = form == null ? new ReportForm(null, null, null) : form;
        String title = clean(f.title());
        String content = clean(f.content());
        String category = clean(f.category());
        InvalidInput invalid = new InvalidInput();
        if (title == null && required) {
            invalid.add("title", "validation.required");
        } else if (title != null && title.length() > MAX_TITLE) {
            invalid.add("title", "validation.length", "1", String.valueOf(MAX_TITLE));
        }
        if (content == null && required) {
            invalid.add("content", "validation.required");
        } else if (content != null && content.length() > MAX_CONTENT) {
            invalid.add("content", "validation.length", "1", String.valueOf(MAX_CONTENT));
        }
        if (category != null && category.length() > MAX_CATEGORY) {
            invalid.add("category", "validation.length", "1", String.valueOf(MAX_CATEGORY));
        }
        if (!required && title == null && content == null && category == null) {
            invalid.add("content", "validation.required");
        }
        invalid.throwIfAny();
        return new ReportForm(title, content, category);
    }

    private Long sectorOf(Long memberId) {
        return members.find(memberId).map(MemberDirectory.MemberSummary::sectorId).orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String link(SocialReport r) {
        return "/social-reports/" + r.getId();
    }

    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                d.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return d;
    }

    private Map<Long, String> sectorNames() {
        Map<Long, String> names = new HashMap<>();
        reference.sectors().forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    private ReportView view(SocialReport r) {
        String author = members.names(List.of(r.getAuthorMemberId())).get(r.getAuthorMemberId());
        List<CommentView> cs = comments.findByReportIdInOrderByCreatedAtAscIdAsc(List.of(r.getId())).stream()
                .map(SocialReportService::commentView).toList();
        List<HistoryEntry> history = audit.history(AUDIT_TYPE, r.getId()).stream()
                .filter(a -> ACTIONS.contains(a.action()))
                .map(a -> new HistoryEntry(a.at(), a.actor(), a.action())).toList();
        return new ReportView(r.getId(), r.currentTitle(), r.currentContent(), r.getCategory(), r.getStatus(), r.getLevel(),
                r.getRefusalReason(), r.getAuthorMemberId(), author, r.getAuthorSectorId(),
                r.getAuthorSectorId() == null ? null : sectorNames().get(r.getAuthorSectorId()), r.getOrigin(),
                r.getOriginProposalId(), new Original(r.getTitle(), r.getContent()), r.edited(), r.getEditedAt(),
                r.getEditedBy(), r.getSubmittedOn(), r.getSubmittedAt(), r.getDecidedAt(), r.getDecidedBy(), cs,
                attachments.of(r.getId()), history,
                r.getVersion());
    }

    private List<ReportSummary> summaries(List<SocialReport> list, Map<Long, String> snippets) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<Long> authors = new HashSet<>();
        list.forEach(r -> authors.add(r.getAuthorMemberId()));
        Map<Long, String> names = members.names(authors);
        Map<Long, String> sectors = sectorNames();
        Map<Long, Integer> counts = new HashMap<>();
        comments.findByReportIdInOrderByCreatedAtAscIdAsc(list.stream().map(SocialReport::getId).toList())
                .forEach(c -> counts.merge(c.getReportId(), 1, Integer::sum));
        return list.stream().map(r -> new ReportSummary(r.getId(), r.currentTitle(), r.getCategory(), r.getStatus(),
                r.getLevel(), r.getAuthorMemberId(), names.get(r.getAuthorMemberId()),
                r.getAuthorSectorId() == null ? null : sectors.get(r.getAuthorSectorId()), r.getOrigin(),
                r.getSubmittedOn(), counts.getOrDefault(r.getId(), 0), snippets.get(r.getId()))).toList();
    }

    private static CommentView commentView(SocialReportComment c) {
        return new CommentView(c.getId(), c.getAuthorUserId(), c.getAuthorName(), c.getContent(), c.getCreatedAt());
    }
}
