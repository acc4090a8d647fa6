package org.xieshang.bulletin.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.bulletin.internal.BulletinViews.BulletinList;
import org.xieshang.bulletin.internal.BulletinViews.BulletinPage;
import org.xieshang.bulletin.internal.BulletinViews.BulletinRow;
import org.xieshang.bulletin.internal.BulletinViews.CaseChoice;
import org.xieshang.bulletin.internal.BulletinViews.CommentRow;
import org.xieshang.bulletin.internal.BulletinViews.FollowUpList;
import org.xieshang.bulletin.internal.BulletinViews.FollowUpRow;
import org.xieshang.bulletin.internal.BulletinViews.Person;
import org.xieshang.bulletin.internal.BulletinViews.Receipt;
import org.xieshang.bulletin.internal.BulletinViews.SubjectRef;
import org.xieshang.bulletin.internal.BulletinViews.UnitOption;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;

/** What the bulletin pages show. The rules stay in {@link Bulletins}; this adds the lists and the forms' choices. */
@Service
@Transactional(readOnly = true)
class BulletinPageQueries {

    static final int PAGE_SIZE = 20;

    private final Bulletins bulletins;
    private final BulletinSubjects subjects;
    private final UserAccounts users;
    private final ReferenceData reference;

    BulletinPageQueries(Bulletins bulletins, BulletinSubjects subjects, UserAccounts users, ReferenceData reference) {
        this.bulletins = bulletins;
        this.subjects = subjects;
        this.users = users;
        this.reference = reference;
    }

    /** The leaders a bulletin may be sent to. */
    List<Person> recipients() {
        List<Person> all = new ArrayList<>(people(Role.LEADER_GOV));
        people(Role.LEADER_CPPCC).stream().filter(p -> all.stream().noneMatch(a -> a.userId().equals(p.userId())))
                .forEach(all::add);
        return all;
    }

    /** Cases the office may compile into a bulletin, as the proposal module offers them (key cases first). */
    List<CaseChoice> caseChoices() {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        return subjects.source(BulletinSubject.PROPOSAL).map(s -> s.choices().stream()
                .map(c -> new CaseChoice(c.id(), c.number(), c.title(), c.highlighted())).toList()).orElse(List.of());
    }

    BulletinList bulletins(int page) {
        Page<Bulletins.BulletinSummary> found = bulletins.list(org.xieshang.shared.Paging.clamped(page, PAGE_SIZE,
                Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        return new BulletinList(found.getContent().stream().map(b -> new BulletinRow(b.id(), b.kind(), b.number(),
                b.title(), b.createdBy(), b.createdAt(), b.recipients(), b.read(), b.readAt(), b.comments())).toList(),
                found.getTotalElements(), found.getNumber(), found.getTotalPages());
    }

    /** The bulletin for its page; reading it is the recipient's read receipt, hence a writing transaction. */
    @Transactional
    BulletinPage bulletin(Long id) {
        CurrentUser user = CurrentUsers.require();
        Bulletins.BulletinDetail d = bulletins.get(id);
        boolean staff = Bulletins.isStaff(user);
        boolean recipient = d.recipients().stream().anyMatch(r -> r.userId().equals(user.id()));
        boolean mayComment = recipient && user.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC);
        List<CommentRow> comments = d.comments().stream().map(c -> new CommentRow(c.id(), c.author(), c.content(),
                c.createdAt(), c.followUps().stream().map(f -> followUp(f, user)).toList())).toList();
        List<SubjectRef> about = bulletins.subjects(id, user).stream()
                .map(s -> new SubjectRef(s.id(), s.number(), s.title(), s.href())).toList();
        return new BulletinPage(d.id(), d.kind(), d.number(), d.title(), d.content(), about, d.createdBy(),
                d.createdAt(), d.recipients().stream().map(r -> new Receipt(r.userId(), r.name(), r.readAt())).toList(),
                comments, staff, mayComment,
                mayComment ? reference.units().stream().filter(u -> !u.retired()).map(u -> new UnitOption(u.id(), u.name()))
                        .toList() : List.of());
    }

    FollowUpList followUps(Boolean done, int page) {
        Page<Bulletins.FollowUpView> found = bulletins.followUps(done, org.xieshang.shared.Paging.clamped(page, PAGE_SIZE,
                Sort.by(Sort.Direction.DESC, "id")));
        CurrentUser user = CurrentUsers.require();
        return new FollowUpList(found.getContent().stream().map(f -> followUp(f, user)).toList(),
                found.getTotalElements(), found.getNumber(), found.getTotalPages(), done);
    }

    private static FollowUpRow followUp(Bulletins.FollowUpView f, CurrentUser user) {
        boolean mayAnswer = !f.done() && user.unitId() != null && user.unitId().equals(f.unitId())
                && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD);
        return new FollowUpRow(f.id(), f.bulletinId(), f.bulletinNumber(), f.bulletinTitle(), f.comment(),
                f.commentAuthor(), f.commentedAt(), f.unitName(), f.done(), f.doneAt(), f.doneBy(), f.doneNote(),
                f.answer(), f.answeredAt(), f.answeredBy(),
                f.files().stream().map(x -> new BulletinViews.FileLink(x.filename(), x.href())).toList(), f.version(),
                mayAnswer);
    }

    private List<Person> people(Role role) {
        return users.userIdsWithRole(role).stream()
                .map(u -> new Person(u, users.displayName(u).orElse("#" + u))).toList();
    }
}
