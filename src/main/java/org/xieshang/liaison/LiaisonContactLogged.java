package org.xieshang.liaison;

import java.time.LocalDate;
import java.util.List;

/**
 * A liaison contacted members (DESIGN §3). Counts in each contacted member's duty record; other
 * modules (assessment) listen to it. Published in the transaction that records the contact.
 */
public record LiaisonContactLogged(Long committeeId, Long contactId, Long liaisonMemberId, List<Long> memberIds,
                                   LocalDate date, ContactMethod method) {
}
