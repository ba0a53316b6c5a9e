package io.bridgekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The header's search over every module's provider, as each role: admins find any vendor, link and
 * device; a partner manager only their vendors'; a household nothing; fewer than two characters nothing.
 */
@IntegrationTest
class GlobalSearchIT {

    @Autowired
    List<SearchProvider> providers;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;

    private String deviceOf(String vendorSlug) {
        return jdbc.queryForObject("select d.vendor_device_id from device d join vendor v on v.id = d.vendor_id "
                + "where v.slug = ? order by d.id limit 1", String.class, vendorSlug);
    }

    private List<String> kindsFound(String who, String text) {
        return run.as(who, () -> GlobalSearch.hits(providers, text)).stream().map(h -> h.kind() + ":" + h.path()).toList();
    }

    @Test
    void each_role_finds_only_what_it_may_open() {
        String brightwayDevice = deviceOf("brightway");
        String lumacamDevice = deviceOf("lumacam");
        long brightway = jdbc.queryForObject("select id from vendor where slug = 'brightway'", Long.class);

        assertThat(kindsFound(DemoAccounts.ADMIN, "brightway")).contains("Vendor:vendors/" + brightway);
        assertThat(kindsFound(DemoAccounts.ADMIN, brightwayDevice)).anyMatch(k -> k.startsWith("Device:"));
        assertThat(kindsFound(DemoAccounts.ADMIN, DemoAccounts.HOUSEHOLD)).anyMatch(k -> k.startsWith("Link:"));

        assertThat(kindsFound(DemoAccounts.CAMERA_PARTNER, "brightway")).isEmpty();
        assertThat(kindsFound(DemoAccounts.CAMERA_PARTNER, brightwayDevice)).isEmpty();
        assertThat(kindsFound(DemoAccounts.CAMERA_PARTNER, lumacamDevice)).anyMatch(k -> k.startsWith("Device:"));
        assertThat(kindsFound(DemoAccounts.CAMERA_PARTNER, "lumacam")).anyMatch(k -> k.startsWith("Vendor:"));

        assertThat(kindsFound(DemoAccounts.HOUSEHOLD, "lumacam")).isEmpty();
        assertThat(kindsFound(DemoAccounts.HOUSEHOLD, lumacamDevice)).isEmpty();
        assertThat(kindsFound(DemoAccounts.ADMIN, "l")).isEmpty();
    }
}
