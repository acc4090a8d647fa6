package org.xieshang.proposal.internal.web;

import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseLeader;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.proposal.internal.query.ProposalQueries;
import org.xieshang.proposal.internal.repository.EvaluationRepository;
import org.xieshang.proposal.internal.repository.ReassignmentRequestRepository;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.TodoContributor;

/**
 * The proposal work waiting for each role, for the home page. Counts only, each one query.
 * Bulletins and their follow-ups count in the bulletin module (BulletinTodos).
 */
@Component
@Transactional(readOnly = true)
class ProposalTodos implements TodoContributor {

    private static final Set<ProposalStatus> HANDLING = EnumSet.of(ProposalStatus.IN_PROGRESS, ProposalStatus.REHANDLING);
    private static final Set<ProposalStatus> OPEN_AT_UNIT = EnumSet.of(ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS,
            ProposalStatus.REHANDLING);

    private final CaseSupport cases;
    private final ReassignmentRequestRepository reassignments;
    private final EvaluationRepository evaluations;

    ProposalTodos(CaseSupport cases, ReassignmentRequestRepository reassignments, EvaluationRepository evaluations) {
        this.cases = cases;
        this.reassignments = reassignments;
        this.evaluations = evaluations;
    }

    /** Replies the unit head has signed (or not yet): staff review only signed ones (issue 15 point 1). */
    private static Specification<Proposal> signed(boolean signed) {
        return (r, q, cb) -> cb.equal(r.get("replySignedOff"), signed);
    }

    @Override
    public List<Todo> todos(CurrentUser u) {
        List<Todo> todos = new ArrayList<>();
        if (ProposalScope.isStaff(u)) {
            add(todos, "todo.staff.review", count(u, status(EnumSet.of(ProposalStatus.SUBMITTED))), "/proposals/review", 10);
            add(todos, "todo.staff.assign", count(u, status(EnumSet.of(ProposalStatus.FILED))), "/proposals/assignment", 11);
            add(todos, "todo.staff.reassign", reassignments.findByResolvedAtIsNullOrderByIdAsc().size(),
                    "/proposals/assignment", 12);
            add(todos, "todo.staff.replies", count(u, status(EnumSet.of(ProposalStatus.REPLY_REVIEW)).and(signed(true))),
                    "/proposals/replies", 13);
            add(todos, "todo.staff.bFollowUp", count(u, bOpen()), "/proposals/all?replyCategory=B&implemented=false", 14);
        }
        if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            Specification<Proposal> lead = (r, q, cb) -> cb.equal(r.get("leadUnitId"), u.unitId());
            add(todos, "todo.unit.accept", count(u, lead.and(status(EnumSet.of(ProposalStatus.ASSIGNED)))),
                    "/proposals/unit?status=ASSIGNED", 20);
            add(todos, "todo.unit.handle", count(u, lead.and(status(HANDLING))), "/proposals/unit?status=IN_PROGRESS", 21);
            add(todos, "todo.unit.overdue", count(u, lead.and(status(OPEN_AT_UNIT)).and((r, q, cb) ->
                    cb.lessThan(r.get("dueDate"), cases.today()))), "/proposals/unit", 22);
            if (u.has(Role.UNIT_HEAD)) {
                add(todos, "todo.unit.signoff", count(u, lead.and(status(EnumSet.of(ProposalStatus.REPLY_REVIEW)))
                        .and(signed(false))), "/proposals/unit?status=REPLY_REVIEW", 24);
            }
            // B replies (being solved / planned) stay on the unit's list until it reports the matter done
            add(todos, "todo.unit.bFollowUp", count(u, lead.and(bOpen())), "/proposals/all?replyCategory=B&implemented=false", 23);
        }
        if (u.has(Role.MEMBER) && u.memberId() != null) {
            add(todos, "todo.member.cosign", cases.proposers().findByMemberIdAndConfirmationOrderByIdAsc(u.memberId(),
                    Confirmation.PENDING).size(), "/proposals/cosign", 30);
            add(todos, "todo.member.rate", toRate(u), "/proposals/mine?status=REPLIED", 31);
        }
        if (u.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)) {
            add(todos, "todo.leader.keyCases", count(u, attachedTo(u).and((r, q, cb) ->
                    cb.notEqual(r.get("status"), ProposalStatus.CLOSED))), "/key-proposals?mine=true", 41);
        }
        return todos;
    }

    /** Replied cases of the member's still waiting for their rating of this reply. */
    private long toRate(CurrentUser u) {
        Specification<Proposal> mine = (r, q, cb) -> {
            Subquery<Long> proposer = q.subquery(Long.class);
            var p = proposer.from(ProposalProposer.class);
            proposer.select(p.get("id")).where(cb.equal(p.get("proposalId"), r.get("id")),
                    cb.equal(p.get("memberId"), u.memberId()), cb.notEqual(p.get("confirmation"), Confirmation.DECLINED));
            return cb.exists(proposer);
        };
        return cases.proposals().findAll(mine.and(status(EnumSet.of(ProposalStatus.REPLIED)))).stream()
                .filter(p -> !evaluations.existsByProposalIdAndMemberIdAndRound(p.getId(), u.memberId(), p.getReplyRound()))
                .count();
    }

    private long count(CurrentUser u, Specification<Proposal> spec) {
        return cases.proposals().count(ProposalScope.visibleTo(u).and(spec));
    }

    /** Approved B replies not yet reported done (merged or withdrawn cases have no approved reply). */
    private static Specification<Proposal> bOpen() {
        return ProposalQueries.followUp(new ProposalQueries.Filter(null, null, null, null, null, null, null, "B", false));
    }

    private static Specification<Proposal> status(Set<ProposalStatus> states) {
        return (r, q, cb) -> r.get("status").in(states);
    }

    private static Specification<Proposal> attachedTo(CurrentUser u) {
        return (r, q, cb) -> {
            Subquery<Long> attached = q.subquery(Long.class);
            var l = attached.from(CaseLeader.class);
            attached.select(l.get("proposalId")).where(cb.equal(l.get("userId"), u.id()));
            return cb.and(cb.isTrue(r.get("key")), r.get("id").in(attached));
        };
    }

    private static void add(List<Todo> todos, String key, long count, String href, int order) {
        if (count > 0) {
            todos.add(new Todo(key, count, href, order));
        }
    }
}
