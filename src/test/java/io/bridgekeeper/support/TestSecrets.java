package io.bridgekeeper.support;

import io.bridgekeeper.secrets.AesGcmSecretSealer;
import io.bridgekeeper.secrets.SecretSealer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Sealed values for rows that tests insert in SQL: the database refuses a secret in clear (V105).
 * Sealed under the tests' master key ring (src/test/resources/config/application.properties).
 */
public final class TestSecrets {

    private static final SecretSealer SEALER = AesGcmSecretSealer.of(testKeyRing());

    private TestSecrets() {
    }

    /** {@code plaintext} sealed as the application stores it. */
    public static String sealed(String plaintext) {
        return SEALER.seal(plaintext);
    }

    private static String testKeyRing() {
        try (InputStream in = TestSecrets.class.getResourceAsStream("/config/application.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("bridgekeeper.secrets.master-key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
