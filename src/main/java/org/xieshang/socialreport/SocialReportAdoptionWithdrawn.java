package org.xieshang.socialreport;

import java.time.LocalDate;

/**
 * The office withdrew a report's adoption (it was adopted in error, or the adopting body took it
 * back); the report is SUBMITTED again and no longer counts as adopted in the author's duty record.
 */
public record SocialReportAdoptionWithdrawn(Long committeeId, Long reportId, Long authorMemberId, AdoptionLevel level,
                                            LocalDate date) {
}
