package org.xieshang.activity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating check-in code shown as a QR code on the office's screen: {@code slot.signature},
 * where the slot is the 30-second period it was made in and the signature an HMAC-SHA256 of the
 * activity and slot with the activity's secret. A code is accepted in its own slot and the next
 * one, so it lives 30–60 seconds: a photo of the screen sent away is soon useless.
 */
final class CheckInCode {

    static final Duration PERIOD = Duration.ofSeconds(30);

    private CheckInCode() {
    }

    static long slot(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD.getSeconds());
    }

    static String issue(String secret, long activityId, Instant now) {
        long slot = slot(now);
        return slot + "." + sign(secret, activityId, slot);
    }

    /** When a code made now stops being accepted. */
    static Instant expiresAt(Instant now) {
        return Instant.ofEpochSecond((slot(now) + 2) * PERIOD.getSeconds());
    }

    static boolean valid(String secret, long activityId, String code, Instant now) {
        if (code == null) {
            return false;
        }
        int dot = code.indexOf('.');
        if (dot <= 0 || dot == code.length() - 1) {
            return false;
        }
        long slot;
        try {
            slot = Long.parseLong(code.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long current = slot(now);
        if (slot != current && slot != current - 1) {
            return false;
        }
        byte[] expected = sign(secret, activityId, slot).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, code.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String secret, long activityId, long slot) {
        return hmac(secret, activityId + ":" + slot);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sig = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sig, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
