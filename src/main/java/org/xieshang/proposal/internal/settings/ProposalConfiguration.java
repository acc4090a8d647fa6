package org.xieshang.proposal.internal.settings;

import java.util.IllegalFormatException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.ProposalSettings;
import org.xieshang.proposal.internal.query.ProposalQueries.SettingsView;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;

/** Changes to a committee's proposal configuration (office and proposal staff). */
@Service
@Transactional
public class ProposalConfiguration {

    private final CaseSupport cases;

    ProposalConfiguration(CaseSupport cases) {
        this.cases = cases;
    }

    public SettingsView change(SettingsView in) {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        InvalidInput invalid = new InvalidInput();
        List<String> categories = clean(in.categories());
        List<String> grounds = clean(in.notFiledGrounds());
        List<String> classes = clean(in.replyClasses());
        if (categories.isEmpty() || categories.stream().anyMatch(c -> c.length() > 60)) {
            invalid.add("categories", "proposal.validation.list", 60);
        }
        if (grounds.isEmpty() || grounds.stream().anyMatch(g -> g.length() > 100)) {
            invalid.add("notFiledGrounds", "proposal.validation.list", 100);
        }
        if (classes.isEmpty() || classes.stream().anyMatch(c -> c.length() > 5 || c.contains(","))) {
            invalid.add("replyClasses", "proposal.validation.list", 5);
        }
        String format = in.numberFormat() == null ? "" : in.numberFormat().strip();
        checkNumberFormat(invalid, format);
        range(invalid, "reassignmentWorkingDays", in.reassignmentWorkingDays(), 1, 60);
        range(invalid, "dueMonths", in.dueMonths(), 1, 12);
        range(invalid, "maxDueMonths", in.maxDueMonths(), Math.max(1, in.dueMonths()), 24);
        range(invalid, "rehandlingMonths", in.rehandlingMonths(), 1, 12);
        range(invalid, "meetWithinWorkingDays", in.meetWithinWorkingDays(), 1, 120);
        invalid.throwIfAny();
        ProposalSettings s = cases.settingsForChange();
        s.change(categories, grounds, classes, format, in.reassignmentWorkingDays(), in.dueMonths(), in.maxDueMonths(),
                in.rehandlingMonths(), in.contactRequired(), in.meetWithinWorkingDays());
        // left out (older clients, the settings page): the sign-off rule stays as it is
        if (in.replySignoffRequired() != null) {
            s.requireReplySignoff(in.replySignoffRequired());
        }
        return SettingsView.of(s);
    }

    /** The longest number a format may render: the proposal's number column holds 40 characters. */
    static final int MAX_RENDERED_NUMBER = 40;

    /**
     * A format is checked by rendering it, as filing will: with the first number and with a number far beyond any
     * session's count, so that a width like {@code %0300d} or a placeholder that grows with the number is refused
     * here instead of making every later filing fail.
     */
    static void checkNumberFormat(InvalidInput invalid, String format) {
        try {
            String first = String.format(format, 1);
            if (format.isEmpty() || format.length() > 60 || first.equals(format)) {
                invalid.add("numberFormat", "proposal.validation.numberFormat");
                return;
            }
            int longest = Math.max(first.length(), String.format(format, 999_999).length());
            if (longest > MAX_RENDERED_NUMBER) {
                invalid.add("numberFormat", "proposal.validation.numberFormatLength", MAX_RENDERED_NUMBER);
            }
        } catch (IllegalFormatException e) {
            invalid.add("numberFormat", "proposal.validation.numberFormat");
        }
    }

    private static void range(InvalidInput invalid, String field, int value, int min, int max) {
        if (value < min || value > max) {
            invalid.add(field, "validation.range", min, max);
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
    }
}
