package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cache key verifies only as it was issued: no other spelling of the same signature. */
class CacheKeysCanonicalTest {

    final CacheKeys keys = new CacheKeys();

    CacheKeysCanonicalTest() {
        keys.load(List.of(new CacheKeys.Secret("k1", "0123456789abcdef0123456789abcdef".getBytes(), SigningSecretStatus.ACTIVE)));
    }

    @Test
    void the_issued_key_verifies() {
        String key = keys.issue(new CacheKeys.Claims(1, 2, 3, 4, 5));
        assertThat(keys.verify(key).check()).isEqualTo(CacheKeys.Check.VALID);
    }

    @Test
    void padding_appended_to_a_genuine_key_is_refused() {
        String key = keys.issue(new CacheKeys.Claims(1, 2, 3, 4, 5));
        assertThat(keys.verify(key + "==").check()).isEqualTo(CacheKeys.Check.FORGED);
        assertThat(keys.verify(key + "=").check()).isEqualTo(CacheKeys.Check.FORGED);
    }

    @Test
    void a_signature_with_other_spare_bits_is_refused_though_it_decodes_to_the_same_bytes() {
        String key = keys.issue(new CacheKeys.Claims(1, 2, 3, 4, 5));
        String signature = key.substring(key.lastIndexOf('.') + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // 16 bytes are 22 characters: the last one carries 2 bits of the signature and 4 spare bits
        int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
        String respelled = signature.substring(0, signature.length() - 1) + alphabet.charAt(last ^ 1);
        assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(Base64.getUrlDecoder().decode(signature));

        assertThat(keys.verify(key.substring(0, key.lastIndexOf('.') + 1) + respelled).check())
                .isEqualTo(CacheKeys.Check.FORGED);
    }
}
