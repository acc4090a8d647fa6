package org.xieshang.proposal.internal.provided;

import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.proposal.ProposalCases;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseLeader;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.Step.Actor;
import org.xieshang.proposal.internal.attachment.AttachmentStore;
import org.xieshang.proposal.internal.query.ProposalViews;
import org.xieshang.proposal.internal.repository.CaseLeaderRepository;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.InvalidInput;

/** {@link ProposalCases}: the case's rules as the key work (module keywork) uses them. */
@Service
@Transactional
class KeyCases implements ProposalCases {

    /** States from which a case may be compiled into a bulletin or chosen by the chair's meeting. */
    static final Set<ProposalStatus> FILED = EnumSet.of(ProposalStatus.FILED, ProposalStatus.ASSIGNED,
            ProposalStatus.IN_PROGRESS, ProposalStatus.REPLY_REVIEW, ProposalStatus.REPLIED, ProposalStatus.REHANDLING,
            ProposalStatus.CLOSED);

    private final CaseSupport cases;
    private final CaseLeaderRepository leaders;
    private final AttachmentStore attachments;

    KeyCases(CaseSupport cases, CaseLeaderRepository leaders, AttachmentStore attachments) {
        this.cases = cases;
        this.leaders = leaders;
        this.attachments = attachments;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseFacts open(Long id) {
        return facts(cases.open(id).proposal());
    }

    @Override
    public CaseFacts check(Long id, KeyStep step) {
        ProposalCase c = cases.open(id);
        cases.check(c, step(step), step == KeyStep.SUPERVISE ? keyLeader(id) : Set.of());
        return facts(c.proposal());
    }

    @Override
    @Transactional(readOnly = true)
    public boolean may(Long id, KeyStep step) {
        ProposalCase c = cases.open(id);
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        actors.addAll(c.actorsOf(CurrentUsers.require()));
        actors.addAll(keyLeader(id));
        return step(step).allowsAnyOf(actors) && step(step).startsFrom(c.proposal().getStatus());
    }

    @Override
    public void markKey(Long id, String note) {
        ProposalCase c = cases.open(id);
        c.proposal().markKey(true);
        cases.move(c, "MARK_KEY", null, note);
        cases.publish(new org.xieshang.proposal.ProposalEvents.ProposalMarkedKey(org.xieshang.shared.tenancy.CommitteeContext.current(),
                id, c.activeProposerMemberIds(), cases.today()));
    }

    @Override
    public void record(Long id, String action, String note) {
        cases.move(cases.open(id), action, null, note);
    }

    @Override
    public void notifyLeadUnit(Long id, String messageKey) {
        Proposal p = cases.proposals().findById(id).orElseThrow(org.xieshang.shared.error.NotFound::new);
        if (p.getLeadUnitId() != null) {
            cases.notifyUnit(p.getLeadUnitId(), messageKey, p);
        }
    }

    @Override
    public String datedRecord(InvalidInput invalid, Object kind, LocalDate date, String content) {
        return cases.datedRecord(invalid, kind, date, content);
    }

    @Override
    public LocalDate today() {
        return cases.today();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseFacts> facts(Collection<Long> ids) {
        return cases.proposals().findAllById(ids).stream().map(KeyCases::facts).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Page<CaseFacts> keyCases(CurrentUser user, boolean attachedOnly, int page, int size) {
        Specification<Proposal> spec = ProposalScope.visibleTo(user).and((r, q, cb) -> cb.isTrue(r.get("key")));
        if (attachedOnly) {
            spec = spec.and((r, q, cb) -> {
                Subquery<Long> attached = q.subquery(Long.class);
                var l = attached.from(CaseLeader.class);
                attached.select(l.get("proposalId")).where(cb.equal(l.get("userId"), user.id()));
                return r.get("id").in(attached);
            });
        }
        return cases.proposals().findAll(spec,
                org.xieshang.shared.Paging.clamped(page, size, Sort.by(Sort.Direction.DESC, "id"))).map(KeyCases::facts);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseFacts> filedCases(int max) {
        Specification<Proposal> spec = (r, q, cb) -> r.get("status").in(FILED);
        return cases.proposals().findAll(spec, PageRequest.of(0, max,
                Sort.by(Sort.Order.desc("key"), Sort.Order.desc("id")))).getContent().stream().map(KeyCases::facts).toList();
    }

    @Override
    public Set<ProposalStatus> filedStates() {
        return FILED;
    }

    @Override
    public boolean isStaff(CurrentUser user) {
        return ProposalScope.isStaff(user);
    }

    @Override
    public boolean seesAllCases(CurrentUser user) {
        return ProposalScope.seesAllCases(user);
    }

    @Override
    public String checkedFile(MultipartFile file) {
        return AttachmentStore.checked(file);
    }

    @Override
    public CaseFile addEventFile(Long id, Long eventId, MultipartFile file) {
        return file(attachments.addToEvent(id, eventId, file));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, List<CaseFile>> eventFiles(Long id) {
        Map<Long, List<CaseFile>> files = new HashMap<>();
        attachments.ofEvents(id).forEach((event, list) -> files.put(event, list.stream().map(KeyCases::file).toList()));
        return files;
    }

    private Set<Actor> keyLeader(Long id) {
        return leaders.existsByProposalIdAndUserId(id, CurrentUsers.require().id()) ? Set.of(Actor.KEY_LEADER) : Set.of();
    }

    private static Step step(KeyStep step) {
        return step == KeyStep.MARK_KEY ? Step.MARK_KEY : Step.SUPERVISE;
    }

    private static CaseFile file(ProposalViews.AttachmentView a) {
        return new CaseFile(a.id(), a.filename(), a.contentType(), a.size());
    }

    private static CaseFacts facts(Proposal p) {
        return new CaseFacts(p.getId(), p.getNumber(), p.getTitle(), p.getStatus(), p.getLeadUnitId(), p.getDueDate(),
                p.isKey(), p.getVersion());
    }
}
