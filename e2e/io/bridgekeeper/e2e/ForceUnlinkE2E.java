package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An admin force-unlinks a household's link from its page: the dialog says what it touches, stays unarmed
 * until a reason and the vendor's slug are typed, and the link then shows as ended with its devices gone.
 */
class ForceUnlinkE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_dialog_shows_what_it_touches_and_arms_only_with_a_reason_and_the_slug() {
        String slug = TestData.unique("e2e-force");
        long vendor = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) values (?, 'Heron Locks', "
                + "'ACTIVE', ?) returning id", Long.class, slug, TestSecrets.sealed("s"));
        String tag = TestData.unique("hh");
        long account = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, ?, 'x', 'HOUSEHOLD') returning id", Long.class, tag + "@example.com", tag);
        long link = jdbc.queryForObject("""
                insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at)
                values (?, ?, ?, 'LIVE', 1, now()) returning id""", Long.class, account, vendor, tag + "-ext");
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                values (?, ?, 'LOCK', 'Front door', ?, ?, 'ACTIVE', now())""", vendor, tag + "-lock", account, link);

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("links/" + link);
        page.locator("#force-unlink").click();
        assertThat(page.locator("#force-unlink-dialog")).containsText(tag + "@example.com");
        assertThat(page.locator("#force-unlink-dialog")).containsText("loses 1 device(s)");
        assertThat(page.locator("#force-unlink-confirm")).isDisabled();
        page.locator("#force-unlink-reason textarea").fill("Account taken over, household asked us to cut it");
        assertThat(page.locator("#force-unlink-confirm")).isDisabled();
        page.locator("#force-unlink-confirmation input").fill("not-the-slug");
        assertThat(page.locator("#force-unlink-confirm")).isDisabled();
        screenshot("force-unlink-dialog");
        page.locator("#force-unlink-confirmation input").fill(slug);
        assertThat(page.locator("#force-unlink-confirm")).isEnabled();
        page.locator("#force-unlink-confirm").click();

        assertThat(page.locator("#force-unlink-dialog")).hasCount(0);
        assertThat(page.locator("#force-unlink")).isHidden();
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select status || ' ' || (select count(*) from device where link_id = ? and owner_account_id is not null) "
                        + "from account_link where id = ?", String.class, link, link)).isEqualTo("ENDED 0");
    }
}
