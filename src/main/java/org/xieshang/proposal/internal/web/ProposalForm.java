package org.xieshang.proposal.internal.web;

import java.util.ArrayList;
import java.util.List;
import org.xieshang.proposal.internal.ProposalText;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;
import org.xieshang.shared.error.InvalidInput;

/**
 * The submission form as entered: every field kept as text, so that a rejected form shows
 * exactly what the member typed next to the error.
 */
public record ProposalForm(String title, String background, String suggestions, String category, String sessionId,
                           String duringPlenary, List<String> coSignerMemberIds) {

    static ProposalForm empty(Long sessionId) {
        return new ProposalForm(null, null, null, null, sessionId == null ? null : sessionId.toString(), null, List.of());
    }

    static ProposalForm of(ProposalDetail d) {
        List<String> coSigners = d.proposers().stream().filter(p -> "COSIGNER".equals(p.role()))
                .map(p -> p.memberId().toString()).toList();
        return new ProposalForm(d.title(), d.background(), d.suggestions(), d.category(), d.sessionId().toString(),
                d.duringPlenary() ? "true" : null, coSigners);
    }

    public boolean plenary() {
        return "true".equals(duringPlenary);
    }

    public boolean coSigner(Long memberId) {
        return coSignerMemberIds != null && coSignerMemberIds.contains(String.valueOf(memberId));
    }

    public boolean session(Long id) {
        return String.valueOf(id).equals(sessionId == null ? null : sessionId.strip());
    }

    /** The text for the use case; a session that is not even a number is a field error here. */
    ProposalText text() {
        Long session = null;
        if (sessionId != null && !sessionId.isBlank()) {
            try {
                session = Long.valueOf(sessionId.strip());
            } catch (NumberFormatException e) {
                throw InvalidInput.field("sessionId", "validation.typeMismatch");
            }
        }
        return new ProposalText(title, background, suggestions, category, session, plenary());
    }

    List<Long> coSigners() {
        List<Long> ids = new ArrayList<>();
        if (coSignerMemberIds != null) {
            for (String s : coSignerMemberIds) {
                if (s == null || s.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.valueOf(s.strip()));
                } catch (NumberFormatException e) {
                    throw InvalidInput.field("coSignerMemberIds", "validation.typeMismatch");
                }
            }
        }
        return ids;
    }
}
