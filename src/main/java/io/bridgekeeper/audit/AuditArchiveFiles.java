package io.bridgekeeper.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where archived audit months are written ({@code bridgekeeper.audit.archive-dir}): one JSON-lines file per
 * month ({@code audit-2025-01.jsonl}, every event as PostgreSQL renders its row) and a manifest beside it.
 * Without a directory nothing is archived, so audit months stay in the database.
 */
@Component
class AuditArchiveFiles {

    private final Optional<Path> dir;

    AuditArchiveFiles(@Value("${bridgekeeper.audit.archive-dir:}") String dir) {
        this.dir = dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath());
    }

    Optional<Path> dir() {
        return dir;
    }

    static String fileName(java.time.YearMonth month) {
        return "audit-%04d-%02d.jsonl".formatted(month.getYear(), month.getMonthValue());
    }

    /** The archived file, if the directory is configured and the file is there. */
    Optional<Path> find(String fileName) {
        return dir.map(d -> d.resolve(fileName)).filter(Files::isRegularFile);
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
