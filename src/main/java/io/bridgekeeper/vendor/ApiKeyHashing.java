package io.bridgekeeper.vendor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Vendor API keys: {@code bk_<prefix>_<secret>}, 8 random bytes of prefix (the lookup key, shown in
 * lists) and 32 random bytes of secret. Stored as the SHA-256 of the whole key: the secret has 256
 * bits of entropy, so a fast hash is safe and lets every partner API request be checked quickly.
 */
final class ApiKeyHashing {

    private static final BytesKeyGenerator PREFIX = KeyGenerators.secureRandom(6);
    private static final BytesKeyGenerator SECRET = KeyGenerators.secureRandom(32);
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeyHashing() {
    }

    static String newPrefix() {
        return HEX.formatHex(PREFIX.generateKey());
    }

    static String newKey(String prefix) {
        return "bk_" + prefix + "_" + HEX.formatHex(SECRET.generateKey());
    }

    /** The prefix of a well-formed key, or null. */
    static String prefixOf(String rawKey) {
        if (rawKey == null || !rawKey.startsWith("bk_")) {
            return null;
        }
        int end = rawKey.indexOf('_', 3);
        return end > 3 ? rawKey.substring(3, end) : null;
    }

    static String hash(String rawKey) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static boolean matches(String rawKey, String storedHash) {
        return MessageDigest.isEqual(hash(rawKey).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
