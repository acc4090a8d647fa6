package org.xieshang.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.xieshang.audit.AuditRecord;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.i18n.Messages;

/** The system actor reads as 系统 in change logs; committee texts ignore the reader's and the server's locale. */
class SystemActorNameTest {

    private final Messages messages = messages();

    private static Messages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/bulletin", "messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Messages(source);
    }

    @Test
    void theSystemActsUnderItsChineseName() {
        String name = SystemActor.callAs(7L, () -> CurrentUsers.require().displayName());
        assertThat(name).isEqualTo("系统");
    }

    @Test
    void aMemberHistoryShowsTheSystemAs系统AndPeopleByTheirName() {
        MemberHistory history = new MemberHistory(messages, Map.of(), Map.of());
        List<MemberHistory.Entry> entries = history.entries(List.of(
                record(1, SystemActor.NAME), record(2, "staff1")));
        assertThat(entries).extracting(MemberHistory.Entry::actor).containsExactly("staff1", "系统");
    }

    @Test
    void committeeTextsIgnoreTheReadersAndTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(messages.get("bulletin.draft.intro", 2)).startsWith("This issue");
            assertThat(messages.committee("bulletin.draft.intro", 2)).isEqualTo("本期编发提案 2 件，主要内容如下：");
        } finally {
            LocaleContextHolder.resetLocaleContext();
            Locale.setDefault(before);
        }
    }

    private static AuditRecord record(long seq, String actor) {
        return new AuditRecord(seq, Instant.parse("2026-01-0" + seq + "T08:00:00Z"), actor, "Member", "5", "UPDATE",
                "{}");
    }
}
