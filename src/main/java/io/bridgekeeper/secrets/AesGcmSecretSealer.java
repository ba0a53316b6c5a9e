package io.bridgekeeper.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The local sealer: AES-256-GCM from the JDK (javax.crypto), a random 96-bit nonce per value, a
 * 128-bit tag, and the envelope header {@code bks1:<key id>} as additional authenticated data, so a
 * ciphertext moved under another key id does not unseal. Stored as
 * {@code bks1:<key id>:<base64url(nonce | ciphertext | tag)>}.
 */
public final class AesGcmSecretSealer implements SecretSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final MasterKeyRing ring;
    private final SecureRandom random = new SecureRandom();

    AesGcmSecretSealer(MasterKeyRing ring) {
        this.ring = ring;
    }

    /** A sealer over a key ring written as in {@code BRIDGEKEEPER_MASTER_KEY} (first entry current). */
    public static AesGcmSecretSealer of(String keyRing) {
        return new AesGcmSecretSealer(MasterKeyRing.parse(keyRing, "the given key ring"));
    }

    @Override
    public String currentKeyId() {
        return ring.currentId();
    }

    /** Whether this node holds the key with this id. */
    public boolean holds(String keyId) {
        return ring.keys().containsKey(keyId);
    }

    @Override
    public String seal(byte[] plaintext) {
        String kid = ring.currentId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.keys().get(kid), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header(kid));
            byte[] sealed = cipher.doFinal(plaintext);
            return PREFIX + kid + ':' + B64.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every JDK", e);
        }
    }

    @Override
    public byte[] unseal(String sealed) {
        String kid = keyIdOf(sealed);
        SecretKey key = ring.keys().get(kid);
        if (key == null) {
            throw new SealedSecretException("A secret is sealed under master key '" + kid
                    + "', which this node does not have (it has " + new TreeSet<>(ring.keys().keySet())
                    + "). Add that key to BRIDGEKEEPER_MASTER_KEY or BRIDGEKEEPER_MASTER_KEY_FILE.");
        }
        byte[] body;
        try {
            body = B64D.decode(sealed.substring(PREFIX.length() + kid.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("A secret sealed under master key '" + kid + "' is damaged (not base64)");
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedSecretException("A secret sealed under master key '" + kid + "' is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, body, 0, NONCE_BYTES));
            cipher.updateAAD(header(kid));
            return cipher.doFinal(Arrays.copyOfRange(body, NONCE_BYTES, body.length));
        } catch (AEADBadTagException e) {
            throw new SealedSecretException("A secret sealed under master key '" + kid + "' does not unseal with "
                    + "the key configured under that id: the key is wrong (not the one that sealed it) or the "
                    + "value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is part of every JDK", e);
        }
    }

    private static byte[] header(String kid) {
        return (PREFIX + kid).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "AesGcmSecretSealer[" + ring + "]";
    }
}
