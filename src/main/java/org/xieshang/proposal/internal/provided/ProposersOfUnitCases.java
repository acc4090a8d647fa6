package org.xieshang.proposal.internal.provided;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.member.UnitCaseProposers;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposalScope;

/** The proposers of the cases a unit leads or co-handles, the way {@link ProposalScope} gives a unit its cases. */
@Component
@Transactional(readOnly = true)
class ProposersOfUnitCases implements UnitCaseProposers {

    private final EntityManager em;

    ProposersOfUnitCases(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<Long> of(Long unitId) {
        if (unitId == null) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("""
                select distinct pp.memberId from ProposalProposer pp, Proposal p
                where pp.proposalId = p.id
                  and (p.leadUnitId = :unit
                       or exists (select 1 from ProposalCoUnit cu where cu.proposalId = p.id and cu.unitId = :unit))
                """, Long.class).setParameter("unit", unitId).getResultList());
    }
}
