package org.xieshang.proposal.internal;

import java.util.List;
import org.xieshang.committee.ReferenceData;
import org.xieshang.shared.error.InvalidInput;

/** The text of a proposal as entered, validated the same way for drafts, edits and collective proposals. */
public record ProposalText(String title, String background, String suggestions, String category, Long sessionId,
                    Boolean duringPlenary) {

    static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 20000;

    public ProposalText normalized() {
        return new ProposalText(strip(title), strip(background), strip(suggestions), strip(category), sessionId,
                duringPlenary);
    }

    public InvalidInput check(ProposalSettings settings, ReferenceData reference) {
        InvalidInput invalid = new InvalidInput();
        if (title == null || title.length() > TITLE_MAX) {
            invalid.add("title", "validation.length", 1, TITLE_MAX);
        }
        if (background == null || background.length() > TEXT_MAX) {
            invalid.add("background", "validation.length", 1, TEXT_MAX);
        }
        if (suggestions == null || suggestions.length() > TEXT_MAX) {
            invalid.add("suggestions", "validation.length", 1, TEXT_MAX);
        }
        List<String> categories = settings.categories();
        if (category == null) {
            invalid.add("category", "validation.required");
        } else if (!categories.contains(category)) {
            invalid.add("category", "proposal.validation.category", String.join("、", categories));
        }
        if (sessionId == null) {
            invalid.add("sessionId", "validation.required");
        } else if (!reference.sessionExists(sessionId)) {
            invalid.add("sessionId", "proposal.validation.session");
        }
        return invalid;
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
