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
            new SealedColumn("vendor", "id", "webhook_secret", null, "vendor_webhook_secret_sealed"),
            // OAuth linking (V119): the vendor's client secret and the households' tokens; a null token
            // (no refresh token, or one wiped after its revocation) holds nothing to reseal
            new SealedColumn("vendor_oauth", "vendor_id", "client_secret", null, "vendor_oauth_client_secret_sealed"),
            new SealedColumn("link_token", "link_id", "access_token", null, "link_token_access_sealed"),
            new SealedColumn("link_token", "link_id", "refresh_token", null, "link_token_refresh_sealed"),
            new SealedColumn("token_revocation", "id", "access_token", null, "token_revocation_access_sealed"),
            new SealedColumn("token_revocation", "id", "refresh_token", null, "token_revocation_refresh_sealed"));

    String name() {
        return table + "." + column;
    }
}
