package org.xieshang.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The fixed hash compared against for unknown accounts costs what a real account's hash costs. */
class AuthServiceTest {

    private final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();

    @Test
    void dummyHashHasTheEncodersAlgorithmAndCost() {
        String real = encoder.encode("some-password-1");
        // "{bcrypt}$2a$10$": the algorithm id, the BCrypt variant and the cost
        assertThat(AuthService.DUMMY_HASH.substring(0, 15)).isEqualTo(real.substring(0, 15));
        assertThat(encoder.upgradeEncoding(AuthService.DUMMY_HASH)).isFalse();
        assertThat(encoder.matches("not-a-real-password", AuthService.DUMMY_HASH)).isFalse();
        assertThat(encoder.matches("", AuthService.DUMMY_HASH)).isFalse();
    }
}
