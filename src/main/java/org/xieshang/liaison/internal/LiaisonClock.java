package org.xieshang.liaison.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** "Today" where the committee works (default Asia/Shanghai), not where the server's clock is set. */
@Component
class LiaisonClock {

    private final ZoneId zone;

    LiaisonClock(@Value("${xieshang.liaison.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.now(zone);
    }

    ZoneId zone() {
        return zone;
    }
}
