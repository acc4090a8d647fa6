package org.xieshang.publication.internal;

import org.xieshang.proposal.PublishedProposals;
import org.xieshang.proposal.PublishedProposals.PublicCase;
import org.xieshang.shared.error.NotFound;

/** Reading identifiers and numbers from public addresses, where anything unreadable is simply unknown. */
final class PublicIds {

    private PublicIds() {
    }

    /** Identifiers are opaque to the public: anything but a number is simply unknown. */
    static Long parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(raw);
    }

    /** A number in an address (a page); anything unreadable is none. */
    static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One published case; anything else (unreadable, unknown, not published, confidential, merged) is 404. */
    static PublicCase find(PublishedProposals proposals, String rawId) {
        Long id = parse(rawId);
        return (id == null ? java.util.Optional.<PublicCase>empty() : proposals.find(id)).orElseThrow(NotFound::new);
    }
}
