package org.xieshang.proposal.internal.provided;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.bulletin.BulletinCommented;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.bulletin.BulletinSubjectSource;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.error.NotFound;

/**
 * Proposals as subjects of bulletins: which cases the office may compile (those it sees that have
 * come past the proposer's desk), how they read now, and the case history entry of a leader's
 * comment on a bulletin about them.
 */
@Component
@Transactional(readOnly = true)
class ProposalBulletinSubjects implements BulletinSubjectSource {

    private static final Set<ProposalStatus> NOT_YET = Set.of(ProposalStatus.DRAFT, ProposalStatus.AWAITING_COSIGNERS,
            ProposalStatus.WITHDRAWN);

    /** Cases offered for a new bulletin. */
    static final int CHOICES = 100;

    private final CaseSupport cases;
    private final KeyCases keyCases;

    ProposalBulletinSubjects(CaseSupport cases, KeyCases keyCases) {
        this.cases = cases;
        this.keyCases = keyCases;
    }

    @Override
    public String type() {
        return BulletinSubject.PROPOSAL;
    }

    @Override
    public Optional<SubjectDetails> compilable(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            Proposal p = cases.open(id).proposal();
            return NOT_YET.contains(p.getStatus()) ? Optional.empty() : Optional.of(details(p));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public List<SubjectDetails> details(List<Long> ids) {
        List<SubjectDetails> found = new ArrayList<>();
        cases.proposals().findAllById(ids).forEach(p -> found.add(details(p)));
        return found;
    }

    @Override
    public String href(Long id, CurrentUser user) {
        return ProposalScope.seesAllCases(user) ? "/proposals/" + id : null;
    }

    @Override
    public List<SubjectChoice> choices() {
        // the office's choice: key cases first, then the newest filed ones
        org.xieshang.shared.CurrentUsers.requireAny(org.xieshang.shared.Role.ADMIN, org.xieshang.shared.Role.PROPOSAL_STAFF);
        return keyCases.filedCases(CHOICES).stream().map(c -> new SubjectChoice(c.id(), c.number(), c.title(), c.key())).toList();
    }

    /**
     * A leader's comment on a bulletin is part of each concerned case's history. Synchronous, in
     * the commenting transaction, as before the bulletin module was cut out: the comment and the
     * history entries are committed together.
     */
    @EventListener
    @Transactional
    void on(BulletinCommented commented) {
        String note = commented.number() + "：" + abbreviate(commented.content());
        List<Long> ids = commented.subjects().stream().filter(s -> BulletinSubject.PROPOSAL.equals(s.type()))
                .map(BulletinSubject::id).toList();
        for (Proposal p : cases.proposals().findAllById(ids)) {
            ProposalCase pc = new ProposalCase(p, cases.proposers().findByProposalIdOrderByIdAsc(p.getId()),
                    cases.coUnits().findByProposalIdOrderByIdAsc(p.getId()));
            cases.move(pc, "LEADER_COMMENT", null, note);
        }
    }

    private static SubjectDetails details(Proposal p) {
        return new SubjectDetails(p.getId(), p.getNumber(), p.getTitle(), p.getSuggestions(), p.getLeadUnitId());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
