package org.xieshang.bulletin;

import java.util.List;
import java.util.Optional;
import org.xieshang.shared.CurrentUser;

/**
 * Implemented by a module whose records bulletins are compiled from (proposals, social-conditions
 * reports, ...). The bulletin module asks it, never the module's tables, whether the signed-in user
 * may compile a subject, how the subject reads today, and which subjects to offer in the form.
 */
public interface BulletinSubjectSource {

    /** The subject type this source answers for, e.g. {@link BulletinSubject#PROPOSAL}. */
    String type();

    /**
     * The subject if the signed-in user may compile it into a bulletin (they see it, and it has
     * come far enough); empty when unknown, not visible or not yet fit.
     */
    Optional<SubjectDetails> compilable(Long id);

    /** The subjects as they read now, without an access check (the bulletin's recipients read them there). */
    List<SubjectDetails> details(List<Long> ids);

    /** The subject's own page for this user, or null when they may not open it. */
    String href(Long id, CurrentUser user);

    /** Subjects offered when the office compiles a bulletin, the most relevant first. */
    List<SubjectChoice> choices();

    /**
     * A subject as the bulletin shows it: its number (may be null), title, a summary used when the
     * bulletin's text is drafted (may be null) and the unit that handles it (the default follow-up
     * unit of a leader's comment; may be null).
     */
    record SubjectDetails(Long id, String number, String title, String summary, Long leadUnitId) {
    }

    /** A subject offered in the form; {@code highlighted} ones come first and carry a mark (key proposals). */
    record SubjectChoice(Long id, String number, String title, boolean highlighted) {
    }
}
