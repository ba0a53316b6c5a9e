package io.bridgekeeper.decision;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cache keys: {@code bk1.<kid>.<vendor>.<device>.<owner>.<epoch>.<version>.<signature>}, where the
 * signature is the first 128 bits of HMAC-SHA256 over everything before it, under the secret named
 * by {@code kid}. A key therefore names the device, its owner, the link epoch (0 for a device owned
 * without a link) and the cache version it was issued for, and none of them can be changed without
 * the secret. The data plane treats it as opaque. Secrets rotate: the active one signs, the one it
 * replaced still verifies, older ones are retired (their keys are stale, not forged).
 */
public final class CacheKeys {

    static final String PREFIX = "bk1";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What a key says. */
    public record Claims(long vendorId, long deviceId, long ownerId, int epoch, long cacheVersionId) {
    }

    public enum Check { VALID, FORGED, RETIRED }

    public record Verified(Check check, Claims claims) {
        static final Verified FORGED = new Verified(Check.FORGED, null);
    }

    /** One secret as stored. */
    public record Secret(String kid, byte[] secret, SigningSecretStatus status) {
    }

    private record Signer(String kid, boolean retired, ThreadLocal<Mac> mac) {
    }

    private volatile Map<String, Signer> signers = Map.of();
    private volatile Signer active;

    /** Replaces the secrets (all of them, as stored). */
    public void load(List<Secret> secrets) {
        Map<String, Signer> next = new HashMap<>();
        Signer nextActive = null;
        for (Secret s : secrets) {
            byte[] bytes = s.secret().clone();
            Signer signer = new Signer(s.kid(), s.status() == SigningSecretStatus.RETIRED, ThreadLocal.withInitial(() -> mac(bytes)));
            next.put(s.kid(), signer);
            if (s.status() == SigningSecretStatus.ACTIVE) {
                nextActive = signer;
            }
        }
        signers = Map.copyOf(next);
        active = nextActive;
    }

    public String activeKid() {
        Signer a = active;
        return a == null ? null : a.kid();
    }

    /** A key for these claims under the active secret. */
    public String issue(Claims c) {
        Signer s = active;
        if (s == null) {
            throw new IllegalStateException("No active cache-key secret: the V050 migration creates one");
        }
        String body = PREFIX + '.' + s.kid() + '.' + c.vendorId() + '.' + c.deviceId() + '.' + c.ownerId() + '.'
                + c.epoch() + '.' + c.cacheVersionId();
        return body + '.' + B64.encodeToString(sign(s, body));
    }

    /** Whether this is a genuine key, and what it says. Never throws on bad input. */
    public Verified verify(String key) {
        if (key == null || key.length() > 256 || !key.startsWith(PREFIX + ".")) {
            return Verified.FORGED;
        }
        int sigAt = key.lastIndexOf('.');
        String body = key.substring(0, sigAt);
        String[] parts = body.split("\\.");
        if (parts.length != 7) {
            return Verified.FORGED;
        }
        Signer s = signers.get(parts[1]);
        if (s == null) {
            return Verified.FORGED;
        }
        // compared as text in its one canonical encoding: a decoder also accepts padding ("==") and other
        // spare bits, and a key that verifies in two spellings is not the key that was issued
        byte[] given = key.substring(sigAt + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, B64.encode(sign(s, body)))) {
            return Verified.FORGED;
        }
        Claims claims;
        try {
            claims = new Claims(Long.parseLong(parts[2]), Long.parseLong(parts[3]), Long.parseLong(parts[4]),
                    Integer.parseInt(parts[5]), Long.parseLong(parts[6]));
        } catch (NumberFormatException e) {
            return Verified.FORGED;
        }
        return new Verified(s.retired() ? Check.RETIRED : Check.VALID, claims);
    }

    private static byte[] sign(Signer s, String body) {
        Mac mac = s.mac().get();
        return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
