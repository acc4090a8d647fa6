package org.xieshang.proposal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.i18n.Messages;

/**
 * Bulletins (政协简讯 / 提案要点): the proposal office compiles them from proposals and sends them to
 * chosen leaders, who read (read receipts) and comment (批示); each comment becomes a follow-up of
 * the units concerned, tracked until the office marks it done. Staff see every bulletin, a
 * leader only those sent to them (others answer 404).
 */
@Service
@Transactional
class Bulletins {

    static final int MAX_PROPOSALS = 200;
    static final int MAX_RECIPIENTS = 200;
    static final int CONTENT_MAX = 1_000_000;

    record ProposalRef(Long id, String number, String title, Long leadUnitId) {
    }

    record RecipientView(Long userId, String name, Instant readAt) {
    }

    record FollowUpView(Long id, Long bulletinId, String bulletinNumber, String bulletinTitle, Long commentId,
                        String comment, String commentAuthor, Instant commentedAt, Long unitId, String unitName,
                        boolean done, Instant doneAt, String doneBy, String doneNote) {
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
    private final BulletinRecipientRepository recipients;
    private final BulletinCommentRepository comments;
    private final BulletinFollowUpRepository followUps;
    private final CaseSupport cases;
    private final UserAccounts users;
    private final ReferenceData reference;
    private final Notifications notifications;
    private final Messages messages;

    Bulletins(BulletinRepository bulletins, BulletinRecipientRepository recipients, BulletinCommentRepository comments,
              BulletinFollowUpRepository followUps, CaseSupport cases, UserAccounts users, ReferenceData reference,
              Notifications notifications, Messages messages) {
        this.bulletins = bulletins;
        this.recipients = recipients;
        this.comments = comments;
        this.followUps = followUps;
        this.cases = cases;
        this.users = users;
        this.reference = reference;
        this.notifications = notifications;
        this.messages = messages;
    }

    /** A new bulletin, numbered per kind and year; an empty content is drafted from the chosen proposals. */
    BulletinDetail create(BulletinKind kind, String title, String content, List<Long> proposalIds, List<Long> recipientUserIds) {
        CurrentUser user = CurrentUsers.require();
        if (!ProposalScope.isStaff(user)) {
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
        List<Long> pids = proposalIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(proposalIds));
        List<Proposal> chosen = new ArrayList<>();
        if (pids.size() > MAX_PROPOSALS) {
            invalid.add("proposalIds", "validation.range", 0, MAX_PROPOSALS);
        } else {
            for (Long pid : pids) {
                Optional<Proposal> p = visibleCase(pid);
                if (p.isEmpty()) {
                    invalid.add("proposalIds", "keyproposal.validation.unknownProposal", pid);
                    break;
                }
                chosen.add(p.get());
            }
        }
        if (text.isEmpty() && pids.isEmpty()) {
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
            text = draft(chosen);
        }
        int year = cases.today().getYear();
        int seq = bulletins.lastSeq(kind, year) + 1;
        Bulletin b = bulletins.saveAndFlush(new Bulletin(kind, year, seq, t, text, pids, user.displayName()));
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
        if (ProposalScope.isStaff(user)) {
            found = bulletins.findAll(page);
        } else if (user.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)) {
            found = bulletins.sentTo(user.id(), page);
        } else {
            throw new Forbidden();
        }
        boolean staff = ProposalScope.isStaff(user);
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
        if (mine.isEmpty() && !ProposalScope.isStaff(user)) {
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
            if (ProposalScope.isStaff(user)) {
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
        if (units.size() > 100 || units.stream().anyMatch(u -> u == null || !reference.unitExists(u))) {
            invalid.add("unitIds", "validation.unknownUnit");
        }
        invalid.throwIfAny();
        List<Proposal> concerned = new ArrayList<>();
        cases.proposals().findAllById(b.proposalIds()).forEach(concerned::add);
        if (units.isEmpty()) {
            units = concerned.stream().map(Proposal::getLeadUnitId).filter(java.util.Objects::nonNull).distinct().toList();
        }
        mine.get().markRead();
        BulletinComment c = comments.saveAndFlush(new BulletinComment(id, user.id(), user.displayName(), text));
        List<BulletinFollowUp> created = new ArrayList<>();
        for (Long unit : units) {
            created.add(followUps.save(new BulletinFollowUp(id, c.getId(), unit)));
            notifications.toUnit(unit, Notice.of("bulletin.notice.followUp", "/follow-ups", b.getTitle()));
        }
        notifications.toRole(Role.PROPOSAL_STAFF, Notice.of("bulletin.notice.commented", "/bulletins/" + id, b.getTitle()));
        // the comment is part of each case's history, since it concerns it
        for (Proposal p : concerned) {
            ProposalCase pc = new ProposalCase(p, cases.proposers().findByProposalIdOrderByIdAsc(p.getId()),
                    cases.coUnits().findByProposalIdOrderByIdAsc(p.getId()));
            cases.move(pc, "LEADER_COMMENT", null, number(b) + "：" + abbreviate(text));
        }
        Map<Long, String> unitNames = new HashMap<>();
        return new CommentView(c.getId(), c.getUserId(), c.getAuthor(), c.getContent(), c.getCreatedAt(),
                created.stream().map(f -> followUp(f, b, c, unitNames)).toList());
    }

    /** Staff close a follow-up once the unit has done what the comment asked. */
    FollowUpView done(Long bulletinId, Long followUpId, String note) {
        CurrentUser user = CurrentUsers.require();
        if (!ProposalScope.isStaff(user)) {
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
        f.done(user.displayName(), why);
        followUps.saveAndFlush(f);
        BulletinComment c = comments.findById(f.getCommentId()).orElseThrow(NotFound::new);
        notifications.toUnit(f.getUnitId(), Notice.of("bulletin.notice.followUpDone", "/follow-ups", b.getTitle()));
        return followUp(f, b, c, new HashMap<>());
    }

    /** A unit's follow-ups (staff: all), newest first; {@code done} filters open or closed ones. */
    @Transactional(readOnly = true)
    Page<FollowUpView> followUps(Boolean done, PageRequest page) {
        CurrentUser user = CurrentUsers.require();
        org.springframework.data.jpa.domain.Specification<BulletinFollowUp> spec;
        if (ProposalScope.isStaff(user)) {
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

    /** A case the office may compile into a bulletin: one it sees that has come past the proposer's desk. */
    private Optional<Proposal> visibleCase(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            Proposal p = cases.open(id).proposal();
            return Set.of(ProposalStatus.DRAFT, ProposalStatus.AWAITING_COSIGNERS, ProposalStatus.WITHDRAWN)
                    .contains(p.getStatus()) ? Optional.empty() : Optional.of(p);
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** The draft text: an introduction, then per case its number, subject and suggestions. */
    private String draft(List<Proposal> chosen) {
        StringBuilder sb = new StringBuilder(messages.get("bulletin.draft.intro", chosen.size())).append("\n\n");
        int i = 1;
        for (Proposal p : chosen) {
            String number = p.getNumber() == null ? messages.get("bulletin.draft.unnumbered") : p.getNumber();
            sb.append(messages.get("bulletin.draft.item", i++, number, p.getTitle())).append('\n');
            String s = p.getSuggestions().strip();
            sb.append(messages.get("bulletin.draft.suggestions", s.length() <= 800 ? s : s.substring(0, 799) + "…"))
                    .append("\n\n");
        }
        return sb.toString().strip();
    }

    private BulletinDetail detail(Bulletin b, CurrentUser user) {
        boolean staff = ProposalScope.isStaff(user);
        List<ProposalRef> refs = new ArrayList<>();
        cases.proposals().findAllById(b.proposalIds()).forEach(p -> refs.add(new ProposalRef(p.getId(), p.getNumber(),
                p.getTitle(), p.getLeadUnitId())));
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
                b.proposalIds(), refs, b.getCreatedBy(), b.getCreatedAt(), rs, cs, b.getVersion());
    }

    private FollowUpView followUp(BulletinFollowUp f, Bulletin b, BulletinComment c, Map<Long, String> unitNames) {
        String unitName = unitNames.computeIfAbsent(f.getUnitId(),
                u -> reference.unit(u).map(ReferenceData.UnitView::name).orElse(""));
        return new FollowUpView(f.getId(), b.getId(), number(b), b.getTitle(), c.getId(), c.getContent(), c.getAuthor(),
                c.getCreatedAt(), f.getUnitId(), unitName, f.getDoneAt() != null, f.getDoneAt(), f.getDoneBy(), f.getDoneNote());
    }

    private String number(Bulletin b) {
        return messages.get("bulletin.number", String.valueOf(b.getYear()), b.getSeq());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
