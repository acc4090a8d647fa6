package org.xieshang.socialreport.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.socialreport.SocialReportCredits;

/** {@link SocialReportCredits}: the adoption is dated by the day it was decided, as the event was. */
@Service
@Transactional(readOnly = true)
class SocialReportCreditQueries implements SocialReportCredits {

    private final EntityManager em;
    private final Clock clock;

    SocialReportCreditQueries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public List<ReportCredit> between(LocalDate from, LocalDate to) {
        return em.createQuery("select r from SocialReport r where (r.submittedOn >= :from and r.submittedOn <= :to)"
                        + " or (r.decidedAt >= :start and r.decidedAt < :end) order by r.id", SocialReport.class)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("start", from.atStartOfDay(clock.getZone()).toInstant())
                .setParameter("end", to.plusDays(1).atStartOfDay(clock.getZone()).toInstant())
                .getResultList().stream()
                .map(r -> {
                    boolean adopted = r.getStatus() == ReportStatus.ADOPTED;
                    return new ReportCredit(r.getId(), r.getAuthorMemberId(), r.getSubmittedOn(), adopted ? r.getLevel() : null,
                            adopted && r.getDecidedAt() != null ? LocalDate.ofInstant(r.getDecidedAt(), clock.getZone()) : null);
                })
                .toList();
    }
}
