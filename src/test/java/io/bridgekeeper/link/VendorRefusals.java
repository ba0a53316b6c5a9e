package io.bridgekeeper.link;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * For tests outside this package (the decision property test): a vendor refusing to refresh a link's
 * tokens, taken from the point where the refresh job has the vendor's refusal in hand. OAuthLinkingIT
 * drives the whole refresh against a real authorization server.
 */
@Component
public class VendorRefusals {

    private final TokenMaintenance maintenance;
    private final JdbcTemplate jdbc;

    VendorRefusals(TokenMaintenance maintenance, JdbcTemplate jdbc) {
        this.maintenance = maintenance;
        this.jdbc = jdbc;
    }

    /** The vendor answers the link's next refresh with {@code invalid_grant}; true when the link changed. */
    public boolean refuseRefresh(long linkId) {
        long vendorId = jdbc.queryForObject("select vendor_id from account_link where id = ?", Long.class, linkId);
        return maintenance.vendorRefused(linkId, vendorId, "invalid_grant");
    }
}
