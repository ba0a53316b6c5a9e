package io.bridgekeeper.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.LinkRow;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The staff grids: filters in the query, slices without counts, partner scope and masked e-mails. */
@IntegrationTest
class DeviceGridIT {

    @Autowired
    DeviceService devices;
    @Autowired
    LinkService links;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_filters_devices_by_vendor_kind_owner_and_state_page_by_page() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        Slice<DeviceRow> cameras = PartnerApi.as(users, DemoAccounts.ADMIN, () ->
                devices.devices(new DeviceFilter(lumacam, DeviceKind.CAMERA, null, DeviceState.ACTIVE), PageRequest.of(0, 20)));

        assertThat(cameras.getContent()).hasSize(20).allSatisfy(d -> {
            assertThat(d.vendorName()).isEqualTo("LumaCam");
            assertThat(d.kind()).isEqualTo(DeviceKind.CAMERA);
        });
        assertThat(cameras.hasNext()).isTrue();
        Slice<DeviceRow> next = PartnerApi.as(users, DemoAccounts.ADMIN, () ->
                devices.devices(new DeviceFilter(lumacam, DeviceKind.CAMERA, null, DeviceState.ACTIVE), PageRequest.of(1, 20)));
        assertThat(next.getContent().getFirst().id()).isLessThan(cameras.getContent().getLast().id());

        Slice<DeviceRow> owned = PartnerApi.as(users, DemoAccounts.ADMIN, () ->
                devices.devices(new DeviceFilter(null, null, "HOUSEHOLD300@example.com", null), PageRequest.of(0, 50)));
        assertThat(owned.getContent()).isNotEmpty().allSatisfy(d -> assertThat(d.ownerEmail()).isEqualTo("household300@example.com"));
    }

    @Test
    void a_partner_manager_sees_only_their_vendors_devices_and_links_with_masked_e_mails() {
        long brightwayDevice = jdbc.queryForObject("select min(d.id) from device d join vendor v on v.id = d.vendor_id "
                + "where v.slug = 'brightway'", Long.class);
        PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> {
            assertThat(devices.devices(DeviceFilter.none(), PageRequest.of(0, 100)).getContent()).isNotEmpty()
                    .allSatisfy(d -> {
                        assertThat(d.vendorName()).isEqualTo("LumaCam");
                        assertThat(d.ownerEmail() == null || d.ownerEmail().matches("^[a-z]•••@(example\\.com|canary\\.bridgekeeper\\.invalid)$")).isTrue();
                    });
            assertThat(devices.vendorOptions()).extracting(VendorOption::name).containsExactly("LumaCam");
            assertThatThrownBy(() -> devices.detail(brightwayDevice)).isInstanceOf(DomainException.class);
            assertThat(links.search("lc-10000", PageRequest.of(0, 50)).getContent()).isNotEmpty()
                    .extracting(LinkRow::vendorName).containsOnly("LumaCam");
            assertThat(links.search("bw-", PageRequest.of(0, 50)).getContent()).isEmpty();
            return null;
        });
        assertThat(PartnerApi.as(users, DemoAccounts.ADMIN, () -> links.search("household001@", PageRequest.of(0, 50))
                .getContent())).extracting(LinkRow::accountEmail).contains("household001@example.com");
    }
}
