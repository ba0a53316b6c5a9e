package io.bridgekeeper.secrets;

import java.nio.charset.StandardCharsets;

/**
 * Seals secrets for storage: authenticated encryption under a master key that is not in the
 * database, the key's id stored beside the ciphertext ({@code bks1:<key id>:<ciphertext>}), so a
 * node holding several keys unseals values of any of them and rotation can tell which values still
 * need re-encrypting. The local implementation is {@link AesGcmSecretSealer}; a KMS-backed one
 * implements the same four methods (see docs/secrets.md).
 */
public interface SecretSealer {

    /** The envelope every sealed value starts with. */
    String PREFIX = "bks1:";

    /** The id of the key that {@link #seal} uses. */
    String currentKeyId();

    /** A sealed form of {@code plaintext} under the current key; a new random nonce each call. */
    String seal(byte[] plaintext);

    /**
     * The plaintext of a sealed value. Throws {@link SealedSecretException} (never returns garbage)
     * when the value's key is not configured, the key is wrong, or the value was altered.
     */
    byte[] unseal(String sealed);

    /** The id of the key a sealed value was sealed under; throws if the value is not sealed at all. */
    default String keyIdOf(String sealed) {
        if (!isSealed(sealed)) {
            throw new SealedSecretException("The value is not a sealed secret (it does not start with "
                    + PREFIX + " and a key id)");
        }
        return sealed.substring(PREFIX.length(), sealed.indexOf(':', PREFIX.length()));
    }

    default String seal(String plaintext) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    default String unsealText(String sealed) {
        return new String(unseal(sealed), StandardCharsets.UTF_8);
    }

    static boolean isSealed(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return false;
        }
        int colon = value.indexOf(':', PREFIX.length());
        return colon > PREFIX.length() && colon < value.length() - 1;
    }
}
