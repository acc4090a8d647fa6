package org.xieshang.liaison.internal;

import java.time.LocalDate;
import java.util.List;
import org.xieshang.liaison.ContactMethod;

/** What the contact form showed, to show it again with its errors. */
public record ContactDraft(String date, String method, List<Long> memberIds, String conveyed, String suggestions,
                           String committeeSuggestions, String situation, String proposalLeads, String difficulties) {
    static ContactDraft empty(LocalDate today, Long member) {
        return new ContactDraft(today.toString(), ContactMethod.VISIT.name(), member == null ? List.of() : List.of(member),
                null, null, null, null, null, null);
    }

    public boolean has(Long memberId) {
        return memberIds.contains(memberId);
    }
}
