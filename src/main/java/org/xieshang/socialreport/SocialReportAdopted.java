package org.xieshang.socialreport;

import java.time.LocalDate;

/** The office adopted a report at a level; counts in the author's duty record by its level. */
public record SocialReportAdopted(Long committeeId, Long reportId, Long authorMemberId, AdoptionLevel level,
                                  LocalDate date) {
}
