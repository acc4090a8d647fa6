package org.xieshang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the layout takes from {@link Ui}: times in the committee's zone, language links that keep the page. */
class UiTest {

    private static Ui ui(String query, String zone) {
        return new Ui(null, Locale.SIMPLIFIED_CHINESE, null, null, null, null, "/public/proposals", query, List.of(), 0,
                java.time.Clock.fixed(Instant.parse("2026-11-27T17:30:00Z"), ZoneId.of(zone)));
    }

    @Test
    void timesAreShownWhereTheCommitteeWorksNotWhereTheServerRuns() {
        Instant instant = Instant.parse("2026-11-27T17:30:00Z");
        assertThat(ui(null, "Asia/Shanghai").dateTime(instant)).isEqualTo("2026-11-28 01:30");
        assertThat(ui(null, "UTC").dateTime(instant)).isEqualTo("2026-11-27 17:30");
        assertThat(ui(null, "UTC").dateTime(null)).isEmpty();
        assertThat(ui(null, "Asia/Shanghai").today()).hasToString("2026-11-28");
        assertThat(ui(null, "UTC").today()).hasToString("2026-11-27");
    }

    @Test
    void switchingTheLanguageKeepsTheOtherParameters() {
        assertThat(ui(null, "UTC").languageLink("en")).isEqualTo("?lang=en");
        assertThat(ui("committee=2&q=%E5%85%BB%E8%80%81&page=1", "UTC").languageLink("en"))
                .isEqualTo("?committee=2&q=%E5%85%BB%E8%80%81&page=1&lang=en");
        assertThat(ui("lang=en&committee=2", "UTC").languageLink("zh-CN")).isEqualTo("?committee=2&lang=zh-CN");
    }
}
