package org.xieshang.setup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class SeedingHealthTest {

    @Test
    void downUntilTheSeedDoneSignalThenUp() {
        SeedingHealth health = new SeedingHealth();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        health.done();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }
}
