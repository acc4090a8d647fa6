package org.xieshang.proposal.internal;

import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
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

/**
 * A co-unit's home (issue 17): the opinions it owes, soonest due first — a co-unit that has not
 * given its opinion holds up the lead unit's reply, so it must not read "nothing to do".
 */
@Component
@Transactional(readOnly = true)
class CoUnitHomePanel implements HomePanelContributor {

    private static final int ROWS = 5;
    private static final EnumSet<ProposalStatus> OPEN = EnumSet.of(ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS,
            ProposalStatus.REHANDLING);

    private final CaseSupport cases;

    CoUnitHomePanel(CaseSupport cases) {
        this.cases = cases;
    }

    @Override
    public List<Panel> panels(CurrentUser u) {
        if (u.unitId() == null || !u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            return List.of();
        }
        Specification<Proposal> owed = (r, q, cb) -> {
            Subquery<Long> co = q.subquery(Long.class);
            var c = co.from(ProposalCoUnit.class);
            co.select(c.get("id")).where(cb.equal(c.get("proposalId"), r.get("id")), cb.equal(c.get("unitId"), u.unitId()),
                    cb.isNull(c.get("opinion")));
            return cb.and(cb.exists(co), r.get("status").in(OPEN));
        };
        LocalDate today = cases.today();
        List<Row> rows = cases.proposals().findAll(ProposalScope.visibleTo(u).and(owed),
                PageRequest.of(0, ROWS, Sort.by(Sort.Order.asc("dueDate"), Sort.Order.asc("id")))).stream()
                .map(p -> new Row((p.getNumber() == null ? "" : p.getNumber() + " ") + p.getTitle(), "/proposals/" + p.getId(),
                        p.getDueDate() == null ? "enum.ProposalStatus." + p.getStatus().name() : "casepages.home.opinionDue",
                        p.getDueDate() == null ? null : p.getDueDate().toString(),
                        p.getDueDate() != null && p.getDueDate().isBefore(today)))
                .toList();
        return List.of(new Panel("casepages.home.opinionsOwed", 21, "clock", rows, "/proposals/unit",
                "casepages.home.opinionsOwed.empty"));
    }
}
