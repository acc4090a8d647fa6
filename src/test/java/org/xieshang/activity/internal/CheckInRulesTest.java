package org.xieshang.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the check-in window and the rotating signed code. */
class CheckInRulesTest {

    static final Instant BASE = Instant.parse("2026-10-01T00:00:00Z");

    @Property
    void theWindowRunsFromAnHourBeforeTheStartToTheEnd(@ForAll @LongRange(min = 0, max = 10_000_000) long startOffset,
                                                       @ForAll @LongRange(min = 1, max = 100_000) long length,
                                                       @ForAll @LongRange(min = -200_000, max = 200_000) long probe) {
        Instant start = BASE.plusSeconds(startOffset);
        Instant end = start.plusSeconds(length);
        Instant now = start.plusSeconds(probe);
        boolean expected = probe >= -3600 && probe <= length;
        assertThat(CheckInWindow.contains(start, end, now)).isEqualTo(expected);
    }

    @Property
    void aCodeIsAcceptedForThirtyToSixtySecondsOnly(@ForAll @LongRange(min = 0, max = 100_000_000) long issuedOffset,
                                                  @ForAll @LongRange(min = 0, max = 200) long later,
                                                  @ForAll @LongRange(min = 1, max = 1_000_000) long activityId) {
        Instant issued = BASE.plusSeconds(issuedOffset);
        String code = CheckInCode.issue("secret-of-the-activity", activityId, issued);
        Instant now = issued.plusSeconds(later);
        boolean accepted = CheckInCode.valid("secret-of-the-activity", activityId, code, now);
        // accepted in its own 30-second slot and the next one
        long slots = CheckInCode.slot(now) - CheckInCode.slot(issued);
        assertThat(accepted).isEqualTo(slots <= 1);
        if (later < 30) {
            assertThat(accepted).isTrue();
        }
        if (later >= 60) {
            assertThat(accepted).isFalse();
        }
        assertThat(CheckInCode.expiresAt(issued)).isAfter(issued.plusSeconds(30 - 1))
                .isBeforeOrEqualTo(issued.plus(Duration.ofSeconds(60)));
    }

    @Property
    void aCodeOfAnotherActivityOrKeyOrAChangedCodeIsRefused(@ForAll @LongRange(min = 1, max = 1_000_000) long activityId,
                                                           @ForAll @IntRange(min = 0, max = 21) int position,
                                                           @ForAll @AlphaChars @StringLength(min = 1, max = 30) String junk) {
        String code = CheckInCode.issue("key-a", activityId, BASE);
        assertThat(CheckInCode.valid("key-a", activityId, code, BASE)).isTrue();
        assertThat(CheckInCode.valid("key-a", activityId + 1, code, BASE)).isFalse();
        assertThat(CheckInCode.valid("key-b", activityId, code, BASE)).isFalse();
        int dot = code.indexOf('.');
        int at = dot + 1 + position % (code.length() - dot - 1);
        char c = code.charAt(at);
        String changed = code.substring(0, at) + (c == 'A' ? 'B' : 'A') + code.substring(at + 1);
        assertThat(CheckInCode.valid("key-a", activityId, changed, BASE)).isFalse();
        assertThat(CheckInCode.valid("key-a", activityId, junk, BASE)).isFalse();
        assertThat(CheckInCode.valid("key-a", activityId, junk + "." + junk, BASE)).isFalse();
    }

    @Property
    void theAttendanceRateIsPresentAmongThoseExpected(@ForAll @IntRange(min = 0, max = 500) int present,
                                                     @ForAll @IntRange(min = 0, max = 500) int absent) {
        Double rate = AttendanceStatistics.rate(present, present + absent);
        if (present + absent == 0) {
            assertThat(rate).isNull();
        } else {
            assertThat(rate).isBetween(0.0, 1.0);
            assertThat(rate).isCloseTo((double) present / (present + absent), org.assertj.core.data.Offset.offset(0.0005));
        }
    }
}
