package org.xieshang.proposal.internal.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.xieshang.shared.error.InvalidInput;

/**
 * The opaque {@code cursor} of a newest-first list: the sort key {@code (created_at, id)} of the last
 * row shown, as URL-safe base64 of {@code "1:<epoch second>:<nanos>:<id>"} (1 is the format's version).
 * Anything else is refused as bad input.
 */
public record ListCursor(Instant createdAt, long id) {

    static ListCursor of(Instant createdAt, long id) {
        return new ListCursor(createdAt, id);
    }

    String encode() {
        String raw = "1:" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent back, or null when it sent none; 400 when it is not one of ours. */
    public static ListCursor parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 4 || !parts[0].equals("1")) {
                throw bad();
            }
            long id = Long.parseLong(parts[3]);
            int nanos = Integer.parseInt(parts[2]);
            if (id < 1 || nanos < 0 || nanos > 999_999_999) {
                throw bad();
            }
            return new ListCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), nanos), id);
        } catch (IllegalArgumentException | java.time.DateTimeException e) { // includes NumberFormatException
            throw bad();
        }
    }

    private static InvalidInput bad() {
        return InvalidInput.field("cursor", "lists.cursor.invalid");
    }
}
