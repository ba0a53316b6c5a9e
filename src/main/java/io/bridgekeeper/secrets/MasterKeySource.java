package io.bridgekeeper.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master keys come from: {@code BRIDGEKEEPER_MASTER_KEY} (the key ring itself) or
 * {@code BRIDGEKEEPER_MASTER_KEY_FILE} (a file holding it), never the database. With neither set, a
 * node on the embedded demo database uses a development key file in the user's home, generated on
 * first use; under the {@code production} profile, or on a configured database, it refuses to start.
 */
final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    /**
     * @param key        the key ring from the environment, or blank
     * @param keyFile    a file holding the key ring, or blank
     * @param devKeyFile the development key file used only when {@code devKeyAllowed}
     * @param devKeyAllowed whether a development key may stand in (embedded database, not production)
     * @param why        why a development key is not allowed, for the message
     */
    static MasterKeyRing resolve(String key, String keyFile, Path devKeyFile, boolean devKeyAllowed, String why) {
        boolean hasKey = key != null && !key.isBlank();
        boolean hasFile = keyFile != null && !keyFile.isBlank();
        if (hasKey && hasFile) {
            throw new SealedSecretException("Both BRIDGEKEEPER_MASTER_KEY and BRIDGEKEEPER_MASTER_KEY_FILE are set: "
                    + "set one of them (bridgekeeper.secrets.master-key / master-key-file)");
        }
        if (hasKey) {
            return MasterKeyRing.parse(key, "BRIDGEKEEPER_MASTER_KEY");
        }
        if (hasFile) {
            return MasterKeyRing.parse(read(Path.of(keyFile.strip())), "the master key file " + keyFile.strip());
        }
        if (!devKeyAllowed) {
            throw new SealedSecretException("No master key configured (" + why + "): set BRIDGEKEEPER_MASTER_KEY to "
                    + "<id>:<base64 of 32 random bytes>, e.g. \"m1:$(openssl rand -base64 32)\", or "
                    + "BRIDGEKEEPER_MASTER_KEY_FILE to a file holding it. See docs/secrets.md.");
        }
        boolean generated = generateIfAbsent(devKeyFile);
        log.info("No master key configured: {} the development key file {} (embedded database only; see docs/secrets.md)",
                generated ? "generated" : "using", devKeyFile);
        return MasterKeyRing.parse(read(devKeyFile), "the development key file " + devKeyFile);
    }

    /** Writes a new key file unless one exists; safe when several processes start at once. */
    static boolean generateIfAbsent(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        byte[] key = new byte[MasterKeyRing.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String text = "# Bridgekeeper development master key (embedded demo database only), generated "
                + java.time.Instant.now() + "\n" + "dev-" + fingerprint(key) + ":" + Base64.getEncoder().encodeToString(key)
                + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".master-key", ".tmp");
            try {
                restrict(tmp);
                Files.writeString(tmp, text, StandardCharsets.US_ASCII);
                // a hard link never replaces: of processes racing here, exactly one key file wins
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SealedSecretException("Cannot write the development master key file " + file + ": " + e.getMessage()
                    + ". Set BRIDGEKEEPER_MASTER_KEY or BRIDGEKEEPER_MASTER_KEY_FILE instead.", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SealedSecretException("Cannot read the master key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** A short public id for a development key: different keys get different ids, so a mix-up reads clearly. */
    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
