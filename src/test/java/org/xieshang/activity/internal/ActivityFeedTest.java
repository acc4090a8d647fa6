package org.xieshang.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Content lines of the .ics feed: escaped, and folded at 75 octets without splitting a character. */
class ActivityFeedTest {

    @Test
    void longChineseLinesAreFoldedAtCharacterBoundaries() {
        StringBuilder out = new StringBuilder();
        ActivityFeed.line(out, "SUMMARY:" + "政协委员视察".repeat(20));
        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(1);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = out.toString().replace("\r\n ", "").replace("\r\n", "");
        assertThat(unfolded).isEqualTo("SUMMARY:" + "政协委员视察".repeat(20));
    }

    @Test
    void textIsEscaped() {
        assertThat(ActivityFeed.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }
}
