package org.xieshang.proposal.internal;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;

/**
 * The year's proposal statistics. Every figure is defined in docs/decisions-stats.md; keep the two
 * in step.
 */
@Service
@Transactional(readOnly = true)
class ProposalStats {

    /** Cases that never reached the office do not count as proposals of the year. */
    static final Set<ProposalStatus> NOT_COUNTED = EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.AWAITING_COSIGNERS,
            ProposalStatus.WITHDRAWN);
    static final Set<ProposalStatus> HANDLING = EnumSet.of(ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS,
            ProposalStatus.REHANDLING);
    private static final Set<Rating> CONTENT = EnumSet.of(Rating.SATISFIED, Rating.BASICALLY_SATISFIED);

    record UnitStats(Long unitId, String name, long assigned, long replied, long onTime, long overdue) {
    }

    record OverdueCase(Long id, String number, String title, ProposalStatus status, Long leadUnitId, LocalDate dueDate,
                       long daysOverdue) {
    }

    record Stats(int year, long total, Map<String, Long> byStatus, Double onTimeReplyRate, Double satisfactionRate,
                 Map<String, Long> replyCategories, long filed, long key, long replied, long repliedOnTime, long rated,
                 long resultSatisfied, long attitudeSatisfied, Double attitudeSatisfactionRate,
                 Double resultSatisfactionRate, Map<String, Double> replyCategoryShares, Map<String, Long> byCategory,
                 Map<String, Long> bySector, List<UnitStats> byUnit, List<OverdueCase> overdue) {
    }

    private final CaseSupport cases;
    private final ReferenceData reference;
    private final MemberDirectory members;
    private final EntityManager em;

    ProposalStats(CaseSupport cases, ReferenceData reference, MemberDirectory members, EntityManager em) {
        this.cases = cases;
        this.reference = reference;
        this.members = members;
        this.em = em;
    }

    Stats of(Integer year) {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV);
        int y = year == null ? cases.today().getYear() : year;
        if (y < 1949 || y > 2200) {
            throw InvalidInput.field("year", "validation.year");
        }
        List<Long> sessions = reference.sessions().stream().filter(s -> s.year() == y).map(ReferenceData.SessionView::id).toList();
        List<Proposal> counted = sessions.isEmpty() ? List.of()
                : em.createQuery("select p from Proposal p where p.sessionId in :s and p.status not in :n", Proposal.class)
                .setParameter("s", sessions).setParameter("n", NOT_COUNTED).getResultList();
        LocalDate today = cases.today();

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ProposalStatus s : ProposalStatus.values()) {
            if (!NOT_COUNTED.contains(s)) {
                byStatus.put(s.name(), 0L);
            }
        }
        Map<String, Long> categories = new LinkedHashMap<>();
        cases.settings().replyClasses().forEach(c -> categories.put(c, 0L));
        Map<String, Long> byCategory = new TreeMap<>();
        Map<Long, long[]> units = new LinkedHashMap<>();
        List<OverdueCase> overdue = new ArrayList<>();
        long filed = 0;
        long key = 0;
        long replied = 0;
        long onTime = 0;
        for (Proposal p : counted) {
            byStatus.merge(p.getStatus().name(), 1L, Long::sum);
            byCategory.merge(p.getCategory(), 1L, Long::sum);
            filed += p.getNumberSeq() != null ? 1 : 0;
            key += p.isKey() ? 1 : 0;
            long[] u = p.getLeadUnitId() == null ? null : units.computeIfAbsent(p.getLeadUnitId(), k -> new long[4]);
            if (u != null) {
                u[0]++;
            }
            if (p.getRepliedOn() != null) {
                replied++;
                categories.merge(p.getReplyCategory(), 1L, Long::sum);
                boolean inTime = p.getDueDate() != null && !p.getRepliedOn().isAfter(p.getDueDate());
                onTime += inTime ? 1 : 0;
                if (u != null) {
                    u[1]++;
                    u[2] += inTime ? 1 : 0;
                }
            }
            if (HANDLING.contains(p.getStatus()) && p.getDueDate() != null && p.getDueDate().isBefore(today)) {
                overdue.add(new OverdueCase(p.getId(), p.getNumber(), p.getTitle(), p.getStatus(), p.getLeadUnitId(),
                        p.getDueDate(), ChronoUnit.DAYS.between(p.getDueDate(), today)));
                if (u != null) {
                    u[3]++;
                }
            }
        }
        overdue.sort(Comparator.comparing(OverdueCase::dueDate).thenComparing(OverdueCase::id));

        // the lead proposer's latest rating of each case
        List<Long> ids = counted.stream().map(Proposal::getId).toList();
        Map<Long, Long> leadMember = new HashMap<>();
        Map<Long, Evaluation> latest = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            cases.proposers().findByProposalIdInOrderByIdAsc(chunk).stream().filter(x -> x.getRole() == ProposerRole.LEAD)
                    .forEach(x -> leadMember.put(x.getProposalId(), x.getMemberId()));
            em.createQuery("select e from Evaluation e where e.proposalId in :ids order by e.round, e.id", Evaluation.class)
                    .setParameter("ids", chunk).getResultList().stream()
                    .filter(e -> e.getMemberId().equals(leadMember.get(e.getProposalId())))
                    .forEach(e -> latest.put(e.getProposalId(), e));
        }
        long rated = latest.size();
        long resultOk = latest.values().stream().filter(e -> CONTENT.contains(e.getResult())).count();
        long attitudeOk = latest.values().stream().filter(e -> CONTENT.contains(e.getAttitude())).count();

        Map<String, Long> bySector = new TreeMap<>();
        Map<Long, String> sectorNames = new HashMap<>();
        reference.sectors().forEach(s -> sectorNames.put(s.id(), s.name()));
        for (Proposal p : counted) {
            Long m = leadMember.get(p.getId());
            String sector = m == null ? null : members.find(m).map(MemberDirectory.MemberSummary::sectorId)
                    .map(sectorNames::get).orElse(null);
            if (sector != null) {
                bySector.merge(sector, 1L, Long::sum);
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        final long repliedCount = replied;
        categories.forEach((c, n) -> shares.put(c, rate(n, repliedCount)));
        List<UnitStats> byUnit = units.entrySet().stream()
                .map(e -> new UnitStats(e.getKey(), reference.unit(e.getKey()).map(ReferenceData.UnitView::name).orElse(null),
                        e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparing(UnitStats::assigned).reversed().thenComparing(UnitStats::unitId)).toList();
        Double satisfaction = rate(resultOk, rated);
        return new Stats(y, counted.size(), byStatus, rate(onTime, replied), satisfaction, categories, filed, key,
                replied, onTime, rated, resultOk, attitudeOk, rate(attitudeOk, rated), satisfaction, shares, byCategory,
                bySector, byUnit, overdue);
    }

    /** A share in [0, 1] rounded to 4 decimals; null when there is nothing to divide by. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
