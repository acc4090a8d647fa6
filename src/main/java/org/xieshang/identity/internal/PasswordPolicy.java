package org.xieshang.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xieshang.shared.error.InvalidInput;

/**
 * What a new password must be: 10 to 128 characters, not one of the 10,000 most common
 * passwords (shipped as security/common-passwords.txt), and not containing the user name.
 */
@Component
class PasswordPolicy {

    static final int MIN = 10;
    static final int MAX = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Adds the reasons a password is refused to {@code invalid}, under the field's name. */
    void check(InvalidInput invalid, String field, String username, String password) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            invalid.add(field, "security.password.length", MIN, MAX);
            return;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            invalid.add(field, "security.password.common");
        } else if (username != null && username.strip().length() >= 3
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            invalid.add(field, "security.password.containsUsername");
        }
    }

    boolean isCommon(String password) {
        return password != null && common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("security/common-passwords.txt is missing", e);
        }
        return Set.copyOf(words);
    }
}
