package io.bridgekeeper.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.VendorApiKeyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A household's own choices about its devices survive what vendors and admins do. */
@IntegrationTest
class HouseholdChoicesIT {

    @Autowired
    LinkService links;
    @Autowired
    UnlinkService unlinks;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void a_relink_keeps_a_device_its_household_disabled_disabled() {
        long vendor = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        PartnerApi lumacam = PartnerApi.forVendor(port, vendor, keys, users);
        String household = "household040@example.com";
        String external = TestData.unique("relink");
        lumacam.completeLink(run.as(household, () -> links.startLink(vendor).code()), external);
        lumacam.syncDevices(external, external + "-cam:CAMERA:Hall camera");
        long camera = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, external + "-cam");
        jdbc.update("update device set state = 'DISABLED' where id = ?", camera);
        long link = jdbc.queryForObject("select id from account_link where external_account_id = ?", Long.class, external);

        run.as(household, () -> unlinks.unlink(link));
        lumacam.completeLink(run.as(household, () -> links.startLink(vendor).code()), external);
        lumacam.syncDevices(external, external + "-cam:CAMERA:Hall camera");

        assertThat(jdbc.queryForObject("select state from device where id = ?", String.class, camera)).isEqualTo("DISABLED");
    }
}
