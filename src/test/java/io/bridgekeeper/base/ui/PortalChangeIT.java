package io.bridgekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the database announces to the portal's pages (V114): after commit only, with the keys a page
 * filters on, one message for many identical rows, and parsed by LiveUpdates as it was sent. Listens
 * on a connection of its own, as another node would.
 */
@IntegrationTest
class PortalChangeIT {

    @Autowired
    HikariDataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestVendors vendors;
    @Autowired
    LiveUpdates live;

    @Test
    void a_committed_change_is_announced_with_its_keys_and_a_rolled_back_one_is_not() throws Exception {
        TestVendor v = vendors.create("portal-change");
        try (Connection listener = listening()) {
            // rolled back: nothing
            tx.executeWithoutResult(status -> {
                jdbc.update("update device set name = name || '!' where owner_account_id = ?", v.householdA());
                status.setRollbackOnly();
            });
            // committed: every device of household A renamed in one transaction
            tx.executeWithoutResult(status ->
                    jdbc.update("update device set name = name || '.' where owner_account_id = ?", v.householdA()));
            jdbc.update("update account_link set version = version + 1 where account_id = ?", v.householdB());

            List<PortalChange> changes = receive(listener, v.id(), 2);
            assertThat(changes).containsExactly(
                    // two devices of A (camera and light) in one transaction: one message
                    new PortalChange("device", v.id(), v.householdA(), null, null, null),
                    new PortalChange("account_link", v.id(), v.householdB(), null, null, null));
        }
    }

    @Test
    void a_device_moving_between_households_is_announced_to_both() throws Exception {
        TestVendor v = vendors.create("portal-move");
        try (Connection listener = listening()) {
            jdbc.update("update device set owner_account_id = ? where id = ?", v.householdB(), v.cameraA());
            assertThat(receive(listener, v.id(), 2)).containsExactlyInAnyOrder(
                    new PortalChange("device", v.id(), v.householdB(), null, null, null),
                    new PortalChange("device", v.id(), v.householdA(), null, null, null));
        }
    }

    /** A connection of its own that LISTENs on the portal's channel, as another node's would. */
    private Connection listening() throws Exception {
        Connection c = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + LiveUpdates.CHANNEL);
        }
        return c;
    }

    /**
     * Waits for {@code n} notifications about the test's vendor (at most 10 s), then a little longer to
     * catch any extra one; the scheduler's own changes to other vendors meanwhile are not the test's.
     */
    private List<PortalChange> receive(Connection listener, long vendor, int n) throws Exception {
        PGConnection pg = listener.unwrap(PGConnection.class);
        List<PortalChange> changes = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        while (changes.stream().filter(c -> c.ofVendor(vendor)).count() < n && System.currentTimeMillis() < deadline) {
            collect(pg.getNotifications(500), changes);
        }
        collect(pg.getNotifications(300), changes);
        return changes.stream().filter(c -> c.ofVendor(vendor)).toList();
    }

    private void collect(PGNotification[] got, List<PortalChange> into) {
        if (got != null) {
            for (PGNotification notification : got) {
                into.add(live.parse(notification.getParameter()));
            }
        }
    }
}
