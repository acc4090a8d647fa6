package org.xieshang.proposal.internal.provided;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.ProposalCredits;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposerKind;
import org.xieshang.proposal.internal.ProposerRole;

/**
 * {@link ProposalCredits}: the facts the proposal events carried, read back from the case, its
 * proposers and its history (the FILE and MARK_KEY steps date the filing and the key decision, as
 * the events were dated by the day they happened).
 */
@Service
@Transactional(readOnly = true)
class ProposalCreditQueries implements ProposalCredits {

    static final String FILE = "FILE";
    static final String MARK_KEY = "MARK_KEY";
    private static final int CHUNK = 500;

    private final EntityManager em;
    private final Clock clock;

    ProposalCreditQueries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public List<CaseCredit> between(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        TreeSet<Long> ids = new TreeSet<>(em.createQuery(
                "select p.id from Proposal p where p.submittedOn >= :from and p.submittedOn <= :to", Long.class)
                .setParameter("from", from).setParameter("to", to).getResultList());
        ids.addAll(em.createQuery("select h.proposalId from ProposalHistory h where h.action in :actions"
                        + " and h.at >= :start and h.at < :end", Long.class)
                .setParameter("actions", List.of(FILE, MARK_KEY)).setParameter("start", start).setParameter("end", end)
                .getResultList());
        List<Long> all = new ArrayList<>(ids);
        List<CaseCredit> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.addAll(credits(all.subList(i, Math.min(all.size(), i + CHUNK))));
        }
        return out;
    }

    private List<CaseCredit> credits(List<Long> ids) {
        Map<Long, List<ProposalProposer>> proposers = new HashMap<>();
        em.createQuery("select pp from ProposalProposer pp where pp.proposalId in :ids order by pp.id", ProposalProposer.class)
                .setParameter("ids", ids).getResultList()
                .forEach(pp -> proposers.computeIfAbsent(pp.getProposalId(), k -> new ArrayList<>()).add(pp));
        // the day of the first filing and of the latest key decision, as the events dated them
        Map<Long, LocalDate> filed = new HashMap<>();
        Map<Long, LocalDate> key = new HashMap<>();
        for (Object[] h : em.createQuery("select h.proposalId, h.action, h.at from ProposalHistory h"
                + " where h.proposalId in :ids and h.action in :actions order by h.id", Object[].class)
                .setParameter("ids", ids).setParameter("actions", List.of(FILE, MARK_KEY)).getResultList()) {
            Long id = (Long) h[0];
            LocalDate day = LocalDate.ofInstant((Instant) h[2], clock.getZone());
            if (FILE.equals(h[1])) {
                filed.putIfAbsent(id, day);
            } else {
                key.put(id, day);
            }
        }
        List<CaseCredit> out = new ArrayList<>();
        for (Proposal p : em.createQuery("select p from Proposal p where p.id in :ids order by p.id", Proposal.class)
                .setParameter("ids", ids).getResultList()) {
            if (p.getSubmittedOn() == null) {
                continue;
            }
            List<ProposalProposer> active = proposers.getOrDefault(p.getId(), List.of()).stream()
                    .filter(pp -> pp.getConfirmation() != Confirmation.DECLINED).toList();
            Long lead = active.stream().filter(pp -> pp.getRole() == ProposerRole.LEAD && pp.getMergedFromId() == null)
                    .map(ProposalProposer::getMemberId).findFirst().orElse(null);
            List<Long> coSigners = active.stream()
                    .filter(pp -> pp.getRole() == ProposerRole.COSIGNER && pp.getMergedFromId() == null)
                    .map(ProposalProposer::getMemberId).toList();
            boolean isFiled = p.getNumber() != null;
            out.add(new CaseCredit(p.getId(), lead, p.getProposerKind() == ProposerKind.COLLECTIVE, coSigners,
                    p.getSubmittedOn(), p.getNumber(), isFiled ? filed.getOrDefault(p.getId(), p.getSubmittedOn()) : null,
                    active.stream().map(ProposalProposer::getMemberId).toList(),
                    p.isKey() ? key.getOrDefault(p.getId(), p.getSubmittedOn()) : null, p.getMergedIntoId()));
        }
        return out;
    }
}
