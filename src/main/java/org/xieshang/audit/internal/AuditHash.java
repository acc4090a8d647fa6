package org.xieshang.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The chain hash: SHA-256 over the previous hash and every field of the entry. */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(String prevHash, long chainId, long seq, Instant at, String actor, String entityType,
                     String entityId, String action, String changes) {
        String material = String.join("\u001f", prevHash, Long.toString(chainId), Long.toString(seq),
                Long.toString(at.toEpochMilli()), actor, entityType, entityId, action, changes);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
