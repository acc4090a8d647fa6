package org.xieshang.liaison.internal;

import java.time.MonthDay;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.xieshang.member.MemberRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.InvalidInput;

/**
 * The committee's liaison rules (DESIGN §3, "configurable"): at least {@code minGroupSize}
 * members per liaison, {@code requiredContacts} contacts per pair and year, reminders from
 * {@code reminderStart} monthly to the year's end. Defaults from {@code xieshang.liaison.*}.
 */
@Service
@Transactional(readOnly = true)
public class LiaisonSettingsService {

    public record Settings(int minGroupSize, int requiredContacts, int reminderStartMonth, int reminderStartDay,
                           long version, List<MemberRole> liaisonRoles) {
        public MonthDay reminderStart() {
            return MonthDay.of(reminderStartMonth, reminderStartDay);
        }

        /** Whether a member with these roles is a liaison under this committee's setting. */
        public boolean isLiaison(Collection<MemberRole> roles) {
            return roles.stream().anyMatch(liaisonRoles::contains);
        }
    }

    public record SettingsChange(Integer minGroupSize, Integer requiredContacts, Integer reminderStartMonth,
                                 Integer reminderStartDay, List<MemberRole> liaisonRoles) {
    }

    /**
     * Who is a liaison by default (issue 15 point 9): the chair's meeting (主席会议: chair, vice-chairs,
     * secretary-general) and the standing committee. Ordinary members can never be liaisons.
     */
    public static final List<MemberRole> DEFAULT_LIAISON_ROLES = List.of(MemberRole.CHAIR, MemberRole.VICE_CHAIR,
            MemberRole.SECRETARY_GENERAL, MemberRole.STANDING_COMMITTEE);

    private final LiaisonSettingsRepository settings;
    private final Settings defaults;

    LiaisonSettingsService(LiaisonSettingsRepository settings,
                    @Value("${xieshang.liaison.min-group-size:10}") int minGroupSize,
                    @Value("${xieshang.liaison.required-contacts:2}") int requiredContacts,
                    @Value("${xieshang.liaison.reminder-start-month:10}") int reminderStartMonth,
                    @Value("${xieshang.liaison.reminder-start-day:1}") int reminderStartDay) {
        this.settings = settings;
        this.defaults = new Settings(minGroupSize, requiredContacts, reminderStartMonth, reminderStartDay, 0,
                DEFAULT_LIAISON_ROLES);
    }

    /** The current committee's rules (no permission needed: every liaison sees them on their page). */
    public Settings current() {
        return settings.findFirstByOrderByIdAsc().map(LiaisonSettingsService::view).orElse(defaults);
    }

    /** The settings as the office edits them. */
    public Settings forOffice() {
        CurrentUsers.requireAny(Role.ADMIN);
        return current();
    }

    @Transactional
    public Settings update(SettingsChange change) {
        CurrentUsers.requireAny(Role.ADMIN);
        Settings now = current();
        int min = change.minGroupSize() == null ? now.minGroupSize() : change.minGroupSize();
        int contacts = change.requiredContacts() == null ? now.requiredContacts() : change.requiredContacts();
        int month = change.reminderStartMonth() == null ? now.reminderStartMonth() : change.reminderStartMonth();
        int day = change.reminderStartDay() == null ? now.reminderStartDay() : change.reminderStartDay();
        List<MemberRole> roles = change.liaisonRoles() == null ? now.liaisonRoles()
                : change.liaisonRoles().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        InvalidInput invalid = new InvalidInput();
        if (roles.isEmpty() || roles.contains(MemberRole.MEMBER)
                || (change.liaisonRoles() != null && change.liaisonRoles().contains(null))) {
            invalid.add("liaisonRoles", "liaison.settings.liaisonRoles");
        }
        if (min < 1 || min > 200) {
            invalid.add("minGroupSize", "validation.range", 1, 200);
        }
        if (contacts < 1 || contacts > 52) {
            invalid.add("requiredContacts", "validation.range", 1, 52);
        }
        if (month < 1 || month > 12) {
            invalid.add("reminderStartMonth", "validation.range", 1, 12);
        } else if (day < 1 || day > MonthDay.of(month, 1).getMonth().minLength()) {
            invalid.add("reminderStartDay", "validation.range", 1, MonthDay.of(month, 1).getMonth().minLength());
        }
        invalid.throwIfAny();
        LiaisonSettings row = settings.findFirstByOrderByIdAsc().orElseGet(() -> new LiaisonSettings(min, contacts, month, day));
        row.change(min, contacts, month, day);
        row.liaisonRoles(roles.equals(DEFAULT_LIAISON_ROLES) ? null
                : roles.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",")));
        return view(settings.saveAndFlush(row));
    }

    private static Settings view(LiaisonSettings s) {
        List<MemberRole> roles = s.getLiaisonRoles() == null ? DEFAULT_LIAISON_ROLES
                : Arrays.stream(s.getLiaisonRoles().split(",")).map(MemberRole::valueOf).sorted().toList();
        return new Settings(s.getMinGroupSize(), s.getRequiredContacts(), s.getReminderStartMonth(), s.getReminderStartDay(),
                s.getVersion(), roles);
    }
}
