package io.bridgekeeper.base.ui;

import java.util.Set;

/**
 * One committed change a page may be showing, as announced by the database (migration V114): the table
 * and the keys a page needs to tell whether it is its own. A key the table does not carry is null.
 *
 * @param table      the changed table ({@code suspension}, {@code account_link}, …)
 * @param vendor     the vendor it belongs to
 * @param account    the household account it belongs to
 * @param rollout    the rollout it belongs to
 * @param suspension the suspension it belongs to
 * @param incident   the incident it belongs to
 */
public record PortalChange(String table, Long vendor, Long account, Long rollout, Long suspension, Long incident) {

    /** Whether the change is in one of these tables. */
    public boolean in(String... tables) {
        return Set.of(tables).contains(table);
    }

    /** Whether the change belongs to this vendor. */
    public boolean ofVendor(long id) {
        return vendor != null && vendor == id;
    }

    /** Whether the change belongs to this household account. */
    public boolean ofAccount(long id) {
        return account != null && account == id;
    }

    /** Whether the change belongs to this rollout. */
    public boolean ofRollout(long id) {
        return rollout != null && rollout == id;
    }

    /** Whether the change belongs to this incident. */
    public boolean ofIncident(long id) {
        return incident != null && incident == id;
    }
}
