package org.xieshang.liaison;

import java.time.LocalDate;
import java.util.List;

/** Read access to the current committee's liaison contacts, e.g. for reproducible duty assessments. */
public interface LiaisonContacts {

    record ContactFact(Long contactId, Long liaisonMemberId, List<Long> memberIds, LocalDate date, ContactMethod method) {
    }

    /** Contacts dated within [from, to], oldest first. */
    List<ContactFact> between(LocalDate from, LocalDate to);
}
