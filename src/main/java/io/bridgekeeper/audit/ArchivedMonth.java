package io.bridgekeeper.audit;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One audit month that left the database (table {@code audit_archive}): where its file is, what the file's
 * SHA-256 was, its rows' ids, and the chain around it — the hash before its first event (the anchor) and
 * its last event's hash, from which the next month's chain continues.
 */
public record ArchivedMonth(YearMonth month, long firstId, long lastId, long rows, String anchorHash, String lastHash,
                            String fileName, String fileSha256, Instant archivedAt) {
}
