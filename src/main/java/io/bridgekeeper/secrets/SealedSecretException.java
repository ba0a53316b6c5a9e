package io.bridgekeeper.secrets;

/**
 * A sealed secret that cannot be unsealed, or a master-key configuration that cannot work. Messages
 * name keys and rows, never key material or secrets.
 */
public class SealedSecretException extends RuntimeException {

    public SealedSecretException(String message) {
        super(message);
    }

    public SealedSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
