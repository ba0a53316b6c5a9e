package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.bridgekeeper.demo.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The header's search as staff use it: a vendor by name, a household's link by e-mail, a device by the
 * vendor's id, each opening its page; a partner manager finds only their own vendor's things, and a
 * household has no search at all.
 */
class GlobalSearchE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;

    private Locator type(String text) {
        page.locator("#global-search input").fill(text);
        return page.locator("vaadin-combo-box-item");
    }

    @Test
    void an_admin_finds_a_vendor_a_households_link_and_a_device_and_opens_each() {
        String device = jdbc.queryForObject("select d.vendor_device_id from device d join vendor v on v.id = d.vendor_id "
                + "where v.slug = 'brightway' order by d.id limit 1", String.class);
        long deviceId = jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, device);
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");

        type("lumac").filter(new Locator.FilterOptions().setHasText("LumaCam")).first().click();
        assertThat(page.locator("#vendor-view h1")).hasText("LumaCam");

        type(DemoAccounts.HOUSEHOLD).filter(new Locator.FilterOptions().setHasText("LumaCam")).first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/links/\\d+$"));

        type(device).filter(new Locator.FilterOptions().setHasText(device)).first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/devices/" + deviceId + "$"));
    }

    @Test
    void a_partner_manager_finds_only_their_own_vendors_things_and_a_household_has_no_search() {
        String brightwayDevice = jdbc.queryForObject("select d.vendor_device_id from device d join vendor v on v.id = d.vendor_id "
                + "where v.slug = 'brightway' order by d.id limit 1", String.class);
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        assertThat(type("luma").filter(new Locator.FilterOptions().setHasText("LumaCam"))).not().hasCount(0);
        // another vendor's name and another vendor's device: nothing
        type("brightway");
        assertThat(page.locator("#global-search")).not().hasAttribute("loading", "");
        assertThat(page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Brightway")))
                .hasCount(0);
        type(brightwayDevice);
        assertThat(page.locator("#global-search")).not().hasAttribute("loading", "");
        assertThat(page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(brightwayDevice)))
                .hasCount(0);

        switchUser();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        assertThat(page.locator("#global-search")).hasCount(0);
    }
}
