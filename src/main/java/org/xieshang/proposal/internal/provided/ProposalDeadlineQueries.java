package org.xieshang.proposal.internal.provided;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.ProposalDeadlines;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseLeader;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.repository.CaseLeaderRepository;
import org.xieshang.proposal.internal.repository.EvaluationRepository;

/** The reminder module's view of the cases' deadlines (see {@link ProposalDeadlines}). */
@Service
@Transactional(readOnly = true)
class ProposalDeadlineQueries implements ProposalDeadlines {

    private final CaseSupport cases;
    private final CaseLeaderRepository keyLeaders;
    private final EvaluationRepository evaluations;
    private final EntityManager em;

    ProposalDeadlineQueries(CaseSupport cases, CaseLeaderRepository keyLeaders, EvaluationRepository evaluations,
                            EntityManager em) {
        this.cases = cases;
        this.keyLeaders = keyLeaders;
        this.evaluations = evaluations;
        this.em = em;
    }

    @Override
    public LocalDate today() {
        return cases.today();
    }

    @Override
    public Optional<Deadline> find(long proposalId) {
        return cases.proposals().findById(proposalId).map(ProposalDeadlineQueries::deadline);
    }

    @Override
    public Deadline visible(long proposalId) {
        return deadline(cases.open(proposalId).proposal());
    }

    private static Deadline deadline(Proposal p) {
        return new Deadline(p.getId(), p.getTitle(), p.getStatus(), p.getDueDate(), p.isKey(), p.getReplyRound(),
                p.getRepliedOn(), Step.EVALUATE.startsFrom(p.getStatus()));
    }

    @Override
    public List<Long> handlingUnits(long proposalId) {
        List<Long> units = new ArrayList<>();
        cases.proposals().findById(proposalId).map(Proposal::getLeadUnitId).ifPresent(units::add);
        cases.coUnits().findByProposalIdOrderByIdAsc(proposalId).forEach(u -> units.add(u.getUnitId()));
        return units;
    }

    @Override
    public List<Long> keySupervisors(long proposalId) {
        return keyLeaders.findByProposalIdOrderByIdAsc(proposalId).stream()
                .filter(l -> l.getRole() == CaseLeader.Kind.SUPERVISOR).map(CaseLeader::getUserId).toList();
    }

    @Override
    public List<Long> proposersYetToRate(long proposalId, int replyRound) {
        Proposal p = cases.proposals().findById(proposalId).orElse(null);
        if (p == null) {
            return List.of();
        }
        return new ProposalCase(p, cases.proposers().findByProposalIdOrderByIdAsc(proposalId), List.of())
                .activeProposerMemberIds().stream()
                .filter(m -> !evaluations.existsByProposalIdAndMemberIdAndRound(proposalId, m, replyRound))
                .toList();
    }

    @Override
    public List<Long> casesWithDueDate(Collection<ProposalStatus> statuses, long afterId, int limit) {
        return em.createQuery("select p.id from Proposal p where p.status in :statuses and p.dueDate is not null"
                        + " and p.id > :after order by p.id", Long.class)
                .setParameter("statuses", statuses).setParameter("after", afterId).setMaxResults(limit)
                .getResultList();
    }
}
