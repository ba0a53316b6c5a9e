package io.bridgekeeper.secrets;

import java.util.List;

/**
 * A column that holds sealed secrets, with the constraint (V105) that refuses anything else, and
 * where a row written before sealing keeps its plaintext: in the same text column, or in an older
 * binary column that sealing empties.
 */
record SealedColumn(String table, String idColumn, String column, String legacyBytesColumn, String constraint) {

    /**
     * Every secret the database holds. Hashes (passwords, API keys, service credentials, link codes)
     * are not here: they are one-way and useless to a reader.
     */
    static final List<SealedColumn> ALL = List.of(
            new SealedColumn("cache_key_secret", "kid", "sealed_secret", "secret", "cache_key_secret_sealed"),
            new SealedColumn("vendor", "id", "webhook_secret", null, "vendor_webhook_secret_sealed"));

    String name() {
        return table + "." + column;
    }
}
