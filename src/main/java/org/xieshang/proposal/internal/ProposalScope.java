package org.xieshang.proposal.internal;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;

/**
 * Who may see which proposal — one rule for lists and for single cases, so they cannot drift:
 * proposers see their own; a unit sees what is assigned to it (lead or co-unit); the office,
 * proposal staff and CPPCC leaders see every case except drafts (also withdrawn ones); everyone signed
 * in sees published ones; a party/government leader sees the key cases they lead-handle.
 */
public final class ProposalScope {

    private ProposalScope() {
    }

    public static boolean isStaff(CurrentUser u) {
        return u.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF);
    }

    public static boolean seesAllCases(CurrentUser u) {
        return u.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC);
    }

    public static Specification<Proposal> visibleTo(CurrentUser u) {
        return (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            if (u.memberId() != null) {
                Subquery<Long> proposer = query.subquery(Long.class);
                var p = proposer.from(ProposalProposer.class);
                proposer.select(p.get("id")).where(cb.equal(p.get("proposalId"), root.get("id")),
                        cb.equal(p.get("memberId"), u.memberId()));
                any.add(cb.exists(proposer));
            }
            if (seesAllCases(u)) {
                // a draft withdrawn before submission is still only its proposers' business
                any.add(cb.and(cb.notEqual(root.get("status"), ProposalStatus.DRAFT),
                        cb.or(cb.notEqual(root.get("status"), ProposalStatus.WITHDRAWN), cb.isNotNull(root.get("submittedOn")))));
            }
            if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
                any.add(cb.equal(root.get("leadUnitId"), u.unitId()));
                Subquery<Long> coUnit = query.subquery(Long.class);
                var c = coUnit.from(ProposalCoUnit.class);
                coUnit.select(c.get("id")).where(cb.equal(c.get("proposalId"), root.get("id")),
                        cb.equal(c.get("unitId"), u.unitId()));
                any.add(cb.exists(coUnit));
            }
            if (u.has(Role.LEADER_GOV)) {
                // key proposals: a party/government leader sees the key cases they lead-handle (领办)
                Subquery<Long> leads = query.subquery(Long.class);
                var l = leads.from(CaseLeader.class);
                leads.select(l.get("id")).where(cb.equal(l.get("proposalId"), root.get("id")),
                        cb.equal(l.get("userId"), u.id()), cb.equal(l.get("role"), CaseLeader.Kind.LEAD));
                any.add(cb.and(cb.isTrue(root.get("key")), cb.exists(leads)));
            }
            any.add(cb.isTrue(root.get("published")));
            return cb.or(any.toArray(Predicate[]::new));
        };
    }

    /**
     * The rule of {@link #visibleTo} for one case already read with its proposers and co-units (the
     * case detail and page, issue 16: no query to translate). {@code leadHandles}: whether the user
     * lead-handles the case as a key proposal, asked only of a LEADER_GOV on a key case. ScopeApiTest
     * holds the detail (this rule) and the lists (the SQL rule) to the same cases for every role.
     */
    public static boolean sees(CurrentUser u, Proposal p, List<ProposalProposer> proposers, List<ProposalCoUnit> coUnits,
                               java.util.function.BooleanSupplier leadHandles) {
        if (u.memberId() != null && proposers.stream().anyMatch(x -> u.memberId().equals(x.getMemberId()))) {
            return true;
        }
        ProposalStatus s = p.getStatus();
        if (seesAllCases(u) && s != ProposalStatus.DRAFT && (s != ProposalStatus.WITHDRAWN || p.getSubmittedOn() != null)) {
            return true;
        }
        if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && (u.unitId().equals(p.getLeadUnitId())
                || coUnits.stream().anyMatch(c -> u.unitId().equals(c.getUnitId())))) {
            return true;
        }
        if (u.has(Role.LEADER_GOV) && p.isKey() && leadHandles.getAsBoolean()) {
            return true;
        }
        return p.isPublished();
    }

    /**
     * The same rule as {@link #visibleTo} split into its alternatives, each selective on its own so that
     * it can be read from its own index (the lists take their union, see {@code CappedLists}); a case
     * may match several. Plain SQL with bind values (Hibernate translates criteria queries again on every
     * execution under the committee filter, docs/perf.md): the statement names the committee of the
     * {@code proposal} rows, each sub-select names it for its own table. ListCursorApiTest checks that the union
     * equals {@link #visibleTo} for varied users and filters.
     */
    public static List<CaseCondition> branches(CurrentUser u, Long committee) {
        return branches(u, committee, true);
    }

    /**
     * The cases {@link #branches}' "every case but drafts" alternative leaves out: drafts, and drafts
     * withdrawn before submission. For those who see all cases, the list's total is the read model's
     * count of the others plus the other alternatives restricted to these (docs/perf.md, "Lists").
     */
    public static CaseCondition beforeSubmission() {
        return BEFORE_SUBMISSION;
    }

    /** {@link #branches} without the "every case but drafts" alternative (the same list if the user has none). */
    public static List<CaseCondition> branchesBesideAllCases(CurrentUser u, Long committee) {
        return branches(u, committee, false);
    }

    /** The cases this member is a proposer of (any role): "id in" the member's few proposer links. */
    public static CaseCondition proposedBy(Long memberId, Long committee) {
        return CaseCondition.of("id in (select x.proposal_id from proposal_proposer x where x.committee_id = ?"
                + " and x.member_id = ?)", committee, memberId);
    }

    /** The cases this unit is a co-unit of. */
    public static CaseCondition coUnit(Long unitId, Long committee) {
        return CaseCondition.of("id in (select u.proposal_id from proposal_co_unit u where u.committee_id = ?"
                + " and u.unit_id = ?)", committee, unitId);
    }

    public static CaseCondition leadUnit(Long unitId) {
        return CaseCondition.of("lead_unit_id = ?", unitId);
    }

    private static final CaseCondition ALL_BUT_DRAFTS = CaseCondition.of("status <> '" + ProposalStatus.DRAFT.name()
            + "' and (status <> '" + ProposalStatus.WITHDRAWN.name() + "' or submitted_on is not null)");
    private static final CaseCondition BEFORE_SUBMISSION = CaseCondition.of("status = '" + ProposalStatus.DRAFT.name()
            + "' or (status = '" + ProposalStatus.WITHDRAWN.name() + "' and submitted_on is null)");
    private static final CaseCondition PUBLISHED = CaseCondition.of("published = true");

    private static List<CaseCondition> branches(CurrentUser u, Long committee, boolean allCases) {
        List<CaseCondition> any = new ArrayList<>();
        if (u.memberId() != null) {
            any.add(proposedBy(u.memberId(), committee));
        }
        if (allCases && seesAllCases(u)) {
            // a draft withdrawn before submission is still only its proposers' business
            any.add(ALL_BUT_DRAFTS);
        }
        if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            any.add(leadUnit(u.unitId()));
            any.add(coUnit(u.unitId(), committee));
        }
        if (u.has(Role.LEADER_GOV)) {
            // key proposals: a party/government leader sees the key cases they lead-handle
            any.add(CaseCondition.of("is_key = true and id in (select l.proposal_id from key_proposal_leader l"
                    + " where l.committee_id = ? and l.user_id = ? and l.role = '" + CaseLeader.Kind.LEAD.name() + "')",
                    committee, u.id()));
        }
        if (!seesAllCases(u)) {
            // a published case has been filed (Step.PUBLISH starts from FILED, and no step leads a filed case
            // back before submission: PublishedCasesTest), so it is among "every case but drafts": for those who
            // see those, the alternative would only read the same keys again (and count nothing in ListTotals)
            any.add(PUBLISHED);
        }
        return any;
    }

    static Specification<Proposal> hasId(Long id) {
        return (root, query, cb) -> cb.equal(root.get("id"), id);
    }
}
