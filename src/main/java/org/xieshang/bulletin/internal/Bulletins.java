package org.xieshang.bulletin.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.bulletin.BulletinCommented;
import org.xieshang.bulletin.BulletinIssuer;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.bulletin.BulletinSubjectSource;
import org.xieshang.bulletin.BulletinSubjectSource.SubjectDetails;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.i18n.Messages;

/**
 * Bulletins (政协简讯 / 提案要点 / 社情民意专报): the proposal office compiles them from subjects of
 * other modules and sends them to chosen leaders, who read (read receipts) and comment (批示); each
 * comment becomes a follow-up of the units concerned, tracked until the office marks it done. Staff
 * see every bulletin, a leader only those sent to them (others answer 404). The subjects are
 * reached only through their modules' {@link BulletinSubjectSource}s.
 */
@Service
@Transactional
class Bulletins implements BulletinIssuer {

    static final int MAX_PROPOSALS = 200;
    static final int MAX_RECIPIENTS = 200;
    static final int CONTENT_MAX = 1_000_000;

    record ProposalRef(Long id, String number, String title, Long leadUnitId) {
    }

    /** A subject on the bulletin's page: {@code href} is its own page, when the reader may open it. */
    record SubjectView(String type, Long id, String number, String title, String href) {
    }

    record RecipientView(Long userId, String name, Instant readAt) {
    }

    record FollowUpView(Long id, Long bulletinId, String bulletinNumber, String bulletinTitle, Long commentId,
                        String comment, String commentAuthor, Instant commentedAt, Long unitId, String unitName,
                        boolean done, Instant doneAt, String doneBy, String doneNote, String answer,
                        Instant answeredAt, String answeredBy, List<FollowUpFileView> files, long version) {
    }

    /** A file of a unit's answer; {@code href} downloads it. */
    record FollowUpFileView(Long id, String filename, long size, String href) {
    }

    record CommentView(Long id, Long userId, String author, String content, Instant createdAt,
                       List<FollowUpView> followUps) {
    }

    record BulletinSummary(Long id, BulletinKind kind, int year, int seq, String number, String title,
                           String createdBy, Instant createdAt, int recipients, int read, Instant readAt, int comments) {
    }

    record BulletinDetail(Long id, BulletinKind kind, int year, int seq, String number, String title, String content,
                          List<Long> proposalIds, List<ProposalRef> proposals, String createdBy, Instant createdAt,
                          List<RecipientView> recipients, List<CommentView> comments, long version) {
    }

    private final BulletinRepository bulletins;
    private final BulletinSubjectRepository subjects;
    private final BulletinRecipientRepository recipients;
    private final BulletinCommentRepository comments;
    private final BulletinFollowUpRepository followUps;
    private final BulletinFollowUpFileRepository followUpFiles;
    private final BulletinSubjects sources;
    private final UserAccounts users;
    private final ReferenceData reference;
    private final Notifications notifications;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    Bulletins(BulletinRepository bulletins, BulletinSubjectRepository subjects, BulletinRecipientRepository recipients,
              BulletinCommentRepository comments, BulletinFollowUpRepository followUps,
              BulletinFollowUpFileRepository followUpFiles, BulletinSubjects sources,
              UserAccounts users, ReferenceData reference, Notifications notifications, Messages messages,
              ApplicationEventPublisher events, java.time.Clock clock) {
        this.bulletins = bulletins;
        this.subjects = subjects;
        this.recipients = recipients;
        this.comments = comments;
        this.followUps = followUps;
        this.followUpFiles = followUpFiles;
        this.sources = sources;
        this.users = users;
        this.reference = reference;
        this.notifications = notifications;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Proposal staff and administrators compile and send bulletins and close follow-ups. */
    static boolean isStaff(CurrentUser u) {
        return u.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF);
    }

    @Override
    public IssuedBulletin issue(BulletinKind kind, String title, String content, List<BulletinSubject> about,
                                List<Long> recipientUserIds) {
        BulletinDetail d = create(kind, title, content, about == null ? List.of() : about, "subjects", recipientUserIds);
        return new IssuedBulletin(d.id(), d.kind(), d.year(), d.seq(), d.number(), d.title());
    }

    /** The office's form and API: a bulletin compiled from proposals. */
    BulletinDetail create(BulletinKind kind, String title, String content, List<Long> proposalIds, List<Long> recipientUserIds) {
        if (!isStaff(CurrentUsers.require())) {
            throw new Forbidden();
        }
        if (kind != null && !BulletinKind.OFFICE_KINDS.contains(kind)) {
            throw InvalidInput.field("kind", "validation.unknownValue");
        }
        List<BulletinSubject> about = proposalIds == null ? List.of() : proposalIds.stream()
                .map(id -> id == null ? null : BulletinSubject.proposal(id)).toList();
        return create(kind, title, content, about, "proposalIds", recipientUserIds);
    }

    /**
     * A new bulletin, numbered per kind and year; an empty content is drafted from the chosen
     * subjects. {@code field} names the subjects in the caller's input, for its error messages.
     */
    private BulletinDetail create(BulletinKind kind, String title, String content, List<BulletinSubject> about,
                                  String field, List<Long> recipientUserIds) {
        CurrentUser user = CurrentUsers.require();
        if (!isStaff(user)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        if (kind == null) {
            invalid.add("kind", "validation.required");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > 200) {
            invalid.add("title", "validation.length", 1, 200);
        }
        String text = content == null ? "" : content.strip();
        if (text.length() > CONTENT_MAX) {
            invalid.add("content", "validation.length", 0, CONTENT_MAX);
        }
        // one entry per subject, whatever title the caller gave it
        Map<String, BulletinSubject> distinct = new java.util.LinkedHashMap<>();
        about.forEach(s -> distinct.putIfAbsent(s == null ? "" : s.type() + ":" + s.id(), s));
        List<BulletinSubject> chosen = new ArrayList<>(distinct.values());
        List<SubjectDetails> details = new ArrayList<>();
        if (chosen.size() > MAX_PROPOSALS) {
            invalid.add(field, "validation.range", 0, MAX_PROPOSALS);
        } else {
            for (int i = 0; i < chosen.size(); i++) {
                BulletinSubject s = chosen.get(i);
                Optional<SubjectDetails> d = compilable(s);
                if (d.isEmpty()) {
                    invalid.add(field, "keyproposal.validation.unknownProposal", s == null ? null : s.id());
                    break;
                }
                details.add(d.get());
                chosen.set(i, new BulletinSubject(s.type(), s.id(), d.get().title()));
            }
        }
        if (text.isEmpty() && chosen.isEmpty()) {
            invalid.add("content", "bulletin.validation.contentOrProposals");
        }
        List<Long> rids = recipientUserIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(recipientUserIds));
        if (rids.isEmpty() || rids.size() > MAX_RECIPIENTS) {
            invalid.add("recipientUserIds", "validation.range", 1, MAX_RECIPIENTS);
        } else {
            Set<Long> leaders = new HashSet<>(users.userIdsWithRole(Role.LEADER_GOV));
            leaders.addAll(users.userIdsWithRole(Role.LEADER_CPPCC));
            if (rids.stream().anyMatch(r -> r == null || !leaders.contains(r))) {
                invalid.add("recipientUserIds", "bulletin.validation.recipients");
            }
        }
        invalid.throwIfAny();
        if (text.isEmpty()) {
            text = draft(details);
        }
        int year = today().getYear();
        int seq = bulletins.lastSeq(kind, year) + 1;
        // the legacy proposal_ids column is still written (see Bulletin), subjects are read from bulletin_subject
        List<Long> proposalIds = chosen.stream().filter(s -> BulletinSubject.PROPOSAL.equals(s.type()))
                .map(BulletinSubject::id).toList();
        Bulletin b = bulletins.saveAndFlush(new Bulletin(kind, year, seq, t, text, proposalIds, user.displayName()));
        for (int i = 0; i < chosen.size(); i++) {
            subjects.save(new BulletinSubjectEntry(b.getId(), i + 1, chosen.get(i)));
        }
        for (Long r : rids) {
            recipients.save(new BulletinRecipient(b.getId(), r));
        }
        notifications.toUsers(rids, Notice.of("bulletin.notice.sent", "/bulletins/" + b.getId(), t));
        return detail(b, user);
    }

    /** Staff: every bulletin; a leader: the ones sent to them. Newest first. */
    @Transactional(readOnly = true)
    Page<BulletinSummary> list(PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        Page<Bulletin> found;
        if (isStaff(user)) {
            found = bulletins.findAll(page);
        } else if (user.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)) {
            found = bulletins.sentTo(user.id(), page);
        } else {
            throw new Forbidden();
        }
        boolean staff = isStaff(user);
        return found.map(b -> {
            List<BulletinRecipient> rs = recipients.findByBulletinIdOrderByIdAsc(b.getId());
            Instant mine = rs.stream().filter(r -> r.getUserId().equals(user.id())).map(BulletinRecipient::getReadAt)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            int read = (int) rs.stream().filter(r -> r.getReadAt() != null).count();
            return new BulletinSummary(b.getId(), b.getKind(), b.getYear(), b.getSeq(), number(b), b.getTitle(),
                    b.getCreatedBy(), b.getCreatedAt(), staff ? rs.size() : 1, staff ? read : (mine == null ? 0 : 1), mine,
                    comments.findByBulletinIdOrderByIdAsc(b.getId()).size());
        });
    }

    /** The bulletin; a recipient's first reading is recorded (the read receipt). */
    BulletinDetail get(Long id) {
        CurrentUser user = CurrentUsers.require();
        Bulletin b = bulletins.findById(id).orElseThrow(NotFound::new);
        Optional<BulletinRecipient> mine = recipients.findByBulletinIdAndUserId(id, user.id());
        if (mine.isEmpty() && !isStaff(user)) {
            throw new NotFound();
        }
        mine.ifPresent(r -> {
            if (r.markRead()) {
                recipients.saveAndFlush(r);
            }
        });
        return detail(b, user);
    }

    /** A recipient leader's comment (批示): recorded on the bulletin and its cases, and followed by the units concerned. */
    CommentView comment(Long id, String content, List<Long> unitIds) {
        CurrentUser user = CurrentUsers.require();
        Bulletin b = bulletins.findById(id).orElseThrow(NotFound::new);
        Optional<BulletinRecipient> mine = recipients.findByBulletinIdAndUserId(id, user.id());
        if (mine.isEmpty()) {
            if (isStaff(user)) {
                throw new Forbidden();
            }
            throw new NotFound();
        }
        if (!user.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)) {
            throw new Forbidden();
        }
        InvalidInput invalid = new InvalidInput();
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.length() > 4000) {
            invalid.add("content", "validation.length", 1, 4000);
        }
        List<Long> units = unitIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(unitIds));
        // a retired unit takes no new work (issue 15 point 8)
        if (units.size() > 100 || units.stream().anyMatch(u -> u == null || !reference.unitAssignable(u))) {
            invalid.add("unitIds", "validation.unknownUnit");
        }
        invalid.throwIfAny();
        List<BulletinSubject> concerned = subjectsOf(b);
        if (units.isEmpty()) {
            units = sources.resolve(concerned).stream().map(BulletinSubjects.Resolved::leadUnitId)
                    .filter(java.util.Objects::nonNull).distinct().toList();
        }
        mine.get().markRead();
        BulletinComment c = comments.saveAndFlush(new BulletinComment(id, user.id(), user.displayName(), text));
        List<BulletinFollowUp> created = new ArrayList<>();
        for (Long unit : units) {
            created.add(followUps.save(new BulletinFollowUp(id, c.getId(), unit)));
            notifications.toUnit(unit, Notice.of("bulletin.notice.followUp", "/follow-ups", b.getTitle()));
        }
        notifications.toRole(Role.PROPOSAL_STAFF, Notice.of("bulletin.notice.commented", "/bulletins/" + id, b.getTitle()));
        // the subjects' modules record it (a case's history) in this same transaction
        events.publishEvent(new BulletinCommented(b.getCommitteeId(), id, number(b), b.getTitle(), c.getId(), user.id(),
                user.displayName(), text, concerned));
        Map<Long, String> unitNames = new HashMap<>();
        return new CommentView(c.getId(), c.getUserId(), c.getAuthor(), c.getContent(), c.getCreatedAt(),
                created.stream().map(f -> followUp(f, b, c, unitNames)).toList());
    }

    /** Staff close a follow-up once the unit has done what the comment asked. */
    FollowUpView done(Long bulletinId, Long followUpId, String note) {
        return done(bulletinId, followUpId, note, null);
    }

    /**
     * Staff close a follow-up (with the version they saw, when given: 409 if it changed since); the
     * unit and the leader who commented are told the outcome (issue 15 point 3).
     */
    FollowUpView done(Long bulletinId, Long followUpId, String note, Long expectedVersion) {
        CurrentUser user = CurrentUsers.require();
        if (!isStaff(user)) {
            throw new Forbidden();
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > 4000) {
            throw InvalidInput.field("note", "validation.length", 0, 4000);
        }
        Bulletin b = bulletins.findById(bulletinId).orElseThrow(NotFound::new);
        BulletinFollowUp f = followUps.findById(followUpId).filter(x -> x.getBulletinId().equals(bulletinId))
                .orElseThrow(NotFound::new);
        if (f.getDoneAt() != null) {
            throw new Conflict("bulletin.followUpDone");
        }
        checkVersion(f, expectedVersion);
        f.done(user.displayName(), why);
        followUps.saveAndFlush(f);
        BulletinComment c = comments.findById(f.getCommentId()).orElseThrow(NotFound::new);
        notifications.toUnit(f.getUnitId(), Notice.of("bulletin.notice.followUpDone", "/follow-ups", b.getTitle()));
        FollowUpView view = followUp(f, b, c, new HashMap<>());
        // the loop closes at the leader who asked: what the unit did, and the office's note
        notifications.toUsers(List.of(c.getUserId()), Notice.of("bulletin.notice.followUpOutcome",
                "/bulletins/" + bulletinId + "#follow-up-" + f.getId(), b.getTitle(), view.unitName()));
        return view;
    }

    /** A unit's follow-ups (staff: all), newest first; {@code done} filters open or closed ones. */
    @Transactional(readOnly = true)
    Page<FollowUpView> followUps(Boolean done, PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        org.springframework.data.jpa.domain.Specification<BulletinFollowUp> spec;
        if (isStaff(user)) {
            spec = (r, q, cb) -> cb.conjunction();
        } else if (user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            spec = (r, q, cb) -> cb.equal(r.get("unitId"), user.unitId());
        } else {
            throw new Forbidden();
        }
        if (done != null) {
            spec = spec.and((r, q, cb) -> done ? cb.isNotNull(r.get("doneAt")) : cb.isNull(r.get("doneAt")));
        }
        Map<Long, String> unitNames = new HashMap<>();
        return followUps.findAll(spec, page).map(f -> followUp(f, bulletins.findById(f.getBulletinId()).orElseThrow(),
                comments.findById(f.getCommentId()).orElseThrow(), unitNames));
    }

    /** A subject its source lets the user compile; a type no module answers for is taken as given. */
    private Optional<SubjectDetails> compilable(BulletinSubject s) {
        if (s == null) {
            return Optional.empty();
        }
        Optional<BulletinSubjectSource> source = sources.source(s.type());
        if (source.isEmpty()) {
            return Optional.of(new SubjectDetails(s.id(), null, s.title(), null, null));
        }
        return source.get().compilable(s.id());
    }

    /** The draft text, in the committee's language: an introduction, then per subject its number, title and summary. */
    private String draft(List<SubjectDetails> chosen) {
        StringBuilder sb = new StringBuilder(messages.committee("bulletin.draft.intro", chosen.size())).append("\n\n");
        int i = 1;
        for (SubjectDetails p : chosen) {
            String number = p.number() == null ? messages.committee("bulletin.draft.unnumbered") : p.number();
            sb.append(messages.committee("bulletin.draft.item", i++, number, p.title())).append('\n');
            String s = p.summary() == null ? "" : p.summary().strip();
            if (!s.isEmpty()) {
                sb.append(messages.committee("bulletin.draft.suggestions", s.length() <= 800 ? s : s.substring(0, 799) + "…"))
                        .append('\n');
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    List<BulletinSubject> subjectsOf(Bulletin b) {
        return subjects.findByBulletinIdOrderByPositionAsc(b.getId()).stream().map(BulletinSubjectEntry::subject).toList();
    }

    /** The bulletin's subjects as they read now, each with its page for this user (null: none to open). */
    @Transactional(readOnly = true)
    List<SubjectView> subjects(Long bulletinId, CurrentUser user) {
        Bulletin b = bulletins.findById(bulletinId).orElseThrow(NotFound::new);
        return sources.resolve(subjectsOf(b)).stream().map(r -> new SubjectView(r.subject().type(), r.subject().id(),
                r.number(), r.title(), sources.href(r.subject(), user))).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private BulletinDetail detail(Bulletin b, CurrentUser user) {
        boolean staff = isStaff(user);
        List<ProposalRef> refs = new ArrayList<>();
        sources.resolve(subjectsOf(b)).stream()
                .filter(r -> BulletinSubject.PROPOSAL.equals(r.subject().type()) && r.details() != null)
                .forEach(r -> refs.add(new ProposalRef(r.subject().id(), r.number(), r.title(), r.leadUnitId())));
        // read receipts are the office's; a leader sees only their own
        List<RecipientView> rs = recipients.findByBulletinIdOrderByIdAsc(b.getId()).stream()
                .filter(r -> staff || r.getUserId().equals(user.id()))
                .map(r -> new RecipientView(r.getUserId(), users.displayName(r.getUserId()).orElse(null), r.getReadAt())).toList();
        Map<Long, List<BulletinFollowUp>> byComment = new HashMap<>();
        followUps.findByBulletinIdOrderByIdAsc(b.getId()).forEach(f ->
                byComment.computeIfAbsent(f.getCommentId(), k -> new ArrayList<>()).add(f));
        Map<Long, String> unitNames = new HashMap<>();
        List<CommentView> cs = comments.findByBulletinIdOrderByIdAsc(b.getId()).stream()
                .map(c -> new CommentView(c.getId(), c.getUserId(), c.getAuthor(), c.getContent(), c.getCreatedAt(),
                        byComment.getOrDefault(c.getId(), List.of()).stream().map(f -> followUp(f, b, c, unitNames)).toList()))
                .toList();
        return new BulletinDetail(b.getId(), b.getKind(), b.getYear(), b.getSeq(), number(b), b.getTitle(), b.getContent(),
                subjectsOf(b).stream().filter(s -> BulletinSubject.PROPOSAL.equals(s.type())).map(BulletinSubject::id)
                        .toList(), refs, b.getCreatedBy(), b.getCreatedAt(), rs, cs, b.getVersion());
    }

    private FollowUpView followUp(BulletinFollowUp f, Bulletin b, BulletinComment c, Map<Long, String> unitNames) {
        String unitName = unitNames.computeIfAbsent(f.getUnitId(),
                u -> reference.unit(u).map(ReferenceData.UnitView::name).orElse(""));
        String base = "/api/v1/bulletins/" + b.getId() + "/follow-ups/" + f.getId() + "/files/";
        List<FollowUpFileView> files = followUpFiles.findByFollowUpIdOrderByIdAsc(f.getId()).stream()
                .map(x -> new FollowUpFileView(x.getId(), x.getFilename(), x.getSize(), base + x.getId())).toList();
        return new FollowUpView(f.getId(), b.getId(), number(b), b.getTitle(), c.getId(), c.getContent(), c.getAuthor(),
                c.getCreatedAt(), f.getUnitId(), unitName, f.getDoneAt() != null, f.getDoneAt(), f.getDoneBy(), f.getDoneNote(),
                f.getAnswer(), f.getAnsweredAt(), f.getAnsweredBy(), files, f.getVersion());
    }

    /** The follow-up and its comment as the module's other use cases see them (FollowUpAnswers). */
    FollowUpView followUpView(BulletinFollowUp f) {
        Bulletin b = bulletins.findById(f.getBulletinId()).orElseThrow(NotFound::new);
        BulletinComment c = comments.findById(f.getCommentId()).orElseThrow(NotFound::new);
        return followUp(f, b, c, new HashMap<>());
    }

    static void checkVersion(BulletinFollowUp f, Long expected) {
        if (expected != null && expected != f.getVersion()) {
            throw new Conflict("error.concurrentChange");
        }
    }

    private String number(Bulletin b) {
        return messages.get("bulletin.number", String.valueOf(b.getYear()), b.getSeq());
    }
}
