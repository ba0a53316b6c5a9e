package io.bridgekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.audit.AuditEntry;
import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.audit.TestAuditAction;
import io.bridgekeeper.audit.AuditFilter;
import io.bridgekeeper.audit.AuditSearch;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceFilter;
import io.bridgekeeper.device.DeviceRow;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.link.LinkRow;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.webhook.DeliveryState;
import io.bridgekeeper.webhook.WebhookDeliveryService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The grids read by key give exactly the rows they gave by offset: same order, no gaps, no repeats, in the
 * caller's partner scope. Pages are asked for the way a grid asks: in sequence, with one jump.
 */
@IntegrationTest
class KeysetPagingIT {

    static final int SIZE = 7;
    static final int PAGES = 30;

    @Autowired
    DeviceService devices;
    @Autowired
    LinkService links;
    @Autowired
    AuditSearch audit;
    @Autowired
    WebhookDeliveryService deliveries;
    @Autowired
    UserDetailsService users;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    interface Offset<T> {
        List<T> rows(Pageable page);
    }

    /** Reads the pages by offset and through {@link KeysetPages}; both must agree, and ids must fall. */
    static <T> List<T> sameBothWays(ToLongFunction<T> idOf, Offset<T> byOffset, KeysetPages.Source<T> byKey) {
        KeysetPages<String, T> pages = new KeysetPages<>(idOf);
        List<T> viaKey = new ArrayList<>();
        List<T> viaOffset = new ArrayList<>();
        // in sequence, then a jump ahead (by offset once) and on from there by key
        for (int p : new int[] {0, 1, 2, 3, 4, 9, 10, 11, 12, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29}) {
            List<T> a = pages.page("f", PageRequest.of(p, SIZE), byKey);
            List<T> b = byOffset.rows(PageRequest.of(p, SIZE));
            assertThat(a).as("page %d", p).isEqualTo(b);
            viaKey.addAll(a);
            viaOffset.addAll(b);
        }
        assertThat(viaKey).doesNotHaveDuplicates().isEqualTo(viaOffset);
        assertThat(viaKey.stream().mapToLong(idOf).toArray()).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        return viaKey;
    }

    @Test
    void devices_read_by_key_are_the_devices_read_by_offset_for_an_admin_and_a_partner_manager() {
        for (String who : List.of(DemoAccounts.ADMIN, DemoAccounts.CAMERA_PARTNER)) {
            List<DeviceRow> rows = PartnerApi.as(users, who, () -> sameBothWays(DeviceRow::id,
                    p -> devices.devices(DeviceFilter.none(), p).getContent(),
                    (p, after) -> devices.devices(DeviceFilter.none(), p, after).getContent()));
            assertThat(rows).hasSizeGreaterThan(SIZE * 10);
            if (who.equals(DemoAccounts.CAMERA_PARTNER)) {
                assertThat(rows).allSatisfy(d -> assertThat(d.vendorName()).isEqualTo("LumaCam"));
            }
        }
    }

    @Test
    void links_read_by_key_are_the_links_read_by_offset_with_and_without_a_search() {
        for (String who : List.of(DemoAccounts.ADMIN, DemoAccounts.CAMERA_PARTNER)) {
            for (String query : List.of("", "lc-")) {
                List<LinkRow> rows = PartnerApi.as(users, who, () -> sameBothWays(LinkRow::id,
                        p -> links.search(query, p).getContent(),
                        (p, after) -> links.search(query, p, after).getContent()));
                assertThat(rows).isNotEmpty();
                if (who.equals(DemoAccounts.CAMERA_PARTNER)) {
                    assertThat(rows).extracting(LinkRow::vendorName).containsOnly("LumaCam");
                }
            }
        }
    }

    @Test
    void audit_events_read_by_key_are_the_events_read_by_offset() {
        // the partner sees its own vendor's events only: enough of them for several pages, whatever ran before
        Long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        tx.executeWithoutResult(t -> {
            for (int i = 0; i < 3 * SIZE; i++) {
                auditLog.record(TestAuditAction.TEST_SEARCH, "device", i, lumacam, null, null);
            }
        });
        for (String who : List.of(DemoAccounts.ADMIN, DemoAccounts.CAMERA_PARTNER)) {
            List<AuditEntry> rows = PartnerApi.as(users, who, () -> sameBothWays(AuditEntry::id,
                    p -> audit.page(AuditFilter.NONE, p).getContent(),
                    (p, after) -> audit.page(AuditFilter.NONE, p, after).getContent()));
            assertThat(rows).isNotEmpty();
        }
    }

    @Test
    void deliveries_read_by_key_are_the_deliveries_read_by_offset() {
        for (String who : List.of(DemoAccounts.ADMIN, DemoAccounts.CAMERA_PARTNER)) {
            PartnerApi.as(users, who, () -> sameBothWays(DeliveryState::id,
                    p -> deliveries.deliveries(null, null, p).getContent(),
                    (p, after) -> deliveries.deliveries(null, null, p, after).getContent()));
        }
    }
}
