package org.xieshang.socialreport;

import java.time.LocalDate;
import java.util.List;

/**
 * What a report credits its author with, as {@link SocialReportSubmitted} and
 * {@link SocialReportAdopted} said it — for rebuilding a duty record that missed those events.
 * Runs for the current committee.
 */
public interface SocialReportCredits {

    /** A report: its author, submission date, and adoption level and date (null unless ADOPTED now). */
    record ReportCredit(Long reportId, Long authorMemberId, LocalDate submittedOn, AdoptionLevel level, LocalDate adoptedOn) {
    }

    /** Reports submitted or decided within [from, to], by id. */
    List<ReportCredit> between(LocalDate from, LocalDate to);
}
