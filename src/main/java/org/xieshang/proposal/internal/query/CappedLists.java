package org.xieshang.proposal.internal.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;
import org.xieshang.proposal.internal.Proposal;

/**
 * A list page whose total is exact only up to {@link #CAP}: counting every matching case of a
 * million for each page cost more than reading the page. The total is the exact number of matching
 * cases when it is at most {@value #CAP}; otherwise {@value #CAP} + 1, which means "more than
 * {@value #CAP}" (the pages show "10,000+"). A first page shorter than the page size is its own
 * total, without a count.
 */
@Component
class CappedLists {

    static final int CAP = 10_000;

    private final EntityManager em;
    /** {@link #CAP}; tests lower it to reach the capped case with a handful of rows. */
    private int cap = CAP;

    CappedLists(EntityManager em) {
        this.em = em;
    }

    Page<Proposal> page(Specification<Proposal> spec, Pageable page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Proposal> rows = cb.createQuery(Proposal.class);
        Root<Proposal> root = rows.from(Proposal.class);
        rows.where(spec.toPredicate(root, rows, cb));
        rows.orderBy(QueryUtils.toOrders(page.getSort(), root, cb));
        List<Proposal> content = em.createQuery(rows).setFirstResult((int) page.getOffset())
                .setMaxResults(page.getPageSize()).getResultList();
        long total;
        if (content.size() < page.getPageSize() && (page.getOffset() == 0 || !content.isEmpty())) {
            total = page.getOffset() + content.size();
        } else {
            // the ids of at most CAP + 1 matching cases, in no order: the database stops at the limit
            CriteriaQuery<Long> ids = cb.createQuery(Long.class);
            Root<Proposal> r = ids.from(Proposal.class);
            ids.select(r.get("id")).where(spec.toPredicate(r, ids, cb));
            long counted = em.createQuery(ids).setMaxResults(cap + 1).getResultList().size();
            total = content.isEmpty() ? counted : Math.max(counted, page.getOffset() + content.size());
        }
        return new PageImpl<>(content, page, total);
    }
}
