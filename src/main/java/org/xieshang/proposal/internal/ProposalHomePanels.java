package org.xieshang.proposal.internal;

import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.web.HomePanelContributor;

/** The home page's case lists: a member's latest cases, a unit's open cases by due date, a leader's key cases. */
@Component
@Transactional(readOnly = true)
class ProposalHomePanels implements HomePanelContributor {

    private static final int ROWS = 5;
    private static final EnumSet<ProposalStatus> OPEN_AT_UNIT = EnumSet.of(ProposalStatus.ASSIGNED,
            ProposalStatus.IN_PROGRESS, ProposalStatus.REHANDLING);

    private final CaseSupport cases;

    ProposalHomePanels(CaseSupport cases) {
        this.cases = cases;
    }

    @Override
    public List<Panel> panels(CurrentUser u) {
        List<Panel> panels = new ArrayList<>();
        if (u.has(Role.MEMBER) && u.memberId() != null) {
            Specification<Proposal> mine = (r, q, cb) -> {
                Subquery<Long> proposer = q.subquery(Long.class);
                var p = proposer.from(ProposalProposer.class);
                proposer.select(p.get("id")).where(cb.equal(p.get("proposalId"), r.get("id")),
                        cb.equal(p.get("memberId"), u.memberId()), cb.notEqual(p.get("confirmation"), Confirmation.DECLINED));
                return cb.exists(proposer);
            };
            panels.add(new Panel("home.panel.myCases", 10, "cases",
                    rows(u, mine, Sort.by(Sort.Direction.DESC, "id"), false), "/proposals/mine", "home.panel.myCases.empty"));
        }
        if (u.unitId() != null && u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            Specification<Proposal> open = (r, q, cb) -> cb.and(cb.equal(r.get("leadUnitId"), u.unitId()),
                    r.get("status").in(OPEN_AT_UNIT));
            panels.add(new Panel("home.panel.unitDue", 20, "clock",
                    rows(u, open, Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("id")), true), "/proposals/unit",
                    "home.panel.unitDue.empty"));
        }
        if (u.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)) {
            Specification<Proposal> key = (r, q, cb) -> cb.and(cb.isTrue(r.get("key")),
                    cb.notEqual(r.get("status"), ProposalStatus.CLOSED));
            panels.add(new Panel("home.panel.keyCases", 30, "flag",
                    rows(u, key, Sort.by(Sort.Direction.DESC, "id"), false), "/key-proposals", "home.panel.keyCases.empty"));
        }
        return panels;
    }

    /** The first rows the user may see, with the status, or the due date when {@code due}. */
    private List<Row> rows(CurrentUser u, Specification<Proposal> spec, Sort sort, boolean due) {
        LocalDate today = cases.today();
        return cases.proposals().findAll(ProposalScope.visibleTo(u).and(spec), PageRequest.of(0, ROWS, sort)).stream()
                .map(p -> {
                    String text = (p.getNumber() == null ? "" : p.getNumber() + " ") + p.getTitle();
                    if (due && p.getDueDate() != null) {
                        return new Row(text, "/proposals/" + p.getId(), "home.panel.due", p.getDueDate().toString(),
                                p.getDueDate().isBefore(today));
                    }
                    return new Row(text, "/proposals/" + p.getId(), "enum.ProposalStatus." + p.getStatus().name(), null, false);
                }).toList();
    }
}
