package org.xieshang.socialreport;

import java.time.LocalDate;

/**
 * A member's social-conditions report was submitted (written by the member, or converted from a
 * not-filed proposal, then {@code proposalId} names it). Counts in the author's duty record.
 */
public record SocialReportSubmitted(Long committeeId, Long reportId, Long authorMemberId, LocalDate date,
                                    Long proposalId) {
}
