package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.vendor.SuspensionService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The kill switch as people use it: admin suspends, partner and household see why, four eyes resume. */
class VendorSuspensionE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SuspensionService suspensions;
    @Autowired
    UserDetailsService users;

    /**
     * A test that stops half-way (a timeout on a loaded machine) must not leave the demo camera vendor
     * suspended for the tests after it: whatever is still open is lifted the way admins do it, one
     * asks and a second approves.
     */
    @AfterEach
    void liftWhatIsLeftSuspended() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        String open = jdbc.query("select status from suspension where vendor_id = ? and status <> 'LIFTED'",
                rs -> rs.next() ? rs.getString(1) : null, lumacam);
        if (open == null) {
            return;
        }
        boolean lifted = "ACTIVE".equals(open)
                && PartnerApi.as(users, DemoAccounts.ADMIN, () -> suspensions.requestResume(lumacam, version(lumacam), "the fault is fixed"));
        if (!lifted) {
            PartnerApi.as(users, DemoAccounts.SECOND_ADMIN, () -> {
                suspensions.approveResume(lumacam, version(lumacam), "checked the fix");
                return null;
            });
        }
    }

    private long version(long vendorId) {
        return jdbc.queryForObject("select version from vendor where id = ?", Long.class, vendorId);
    }

    @Test
    void an_admin_suspends_the_camera_vendor_and_a_second_admin_approves_the_resume() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        // real households: the vendor's two canaries (synthetic) are not among those it touches
        long households = jdbc.queryForObject("select count(distinct l.account_id) from account_link l join account a "
                + "on a.id = l.account_id where l.vendor_id = ? and l.status = 'LIVE' and not a.canary", Long.class, lumacam);

        // The admin finds the vendor, opens the kill switch and sees what it will touch
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("admin/vendors");
        page.locator("#vendor-search input").fill("luma");
        page.locator("#vendors-grid").getByText("LumaCam", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#vendor-view h1")).hasText("LumaCam");
        page.locator("#suspend-vendor").click();
        assertThat(page.locator("#blast-radius")).containsText("Touches " + households + " households");
        assertThat(page.locator("#suspend-confirm")).isDisabled();

        page.locator("#suspend-reason").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Privacy leak")).click();
        page.locator("#suspend-reason-text textarea").fill("Snapshots of one household shown on another's display");
        page.locator("#suspend-confirmation input").fill("lumacam-wrong");
        assertThat(page.locator("#suspend-confirm")).isDisabled();
        page.locator("#suspend-confirmation input").fill("lumacam");
        page.locator("#suspend-confirm").click();

        assertThat(page.locator("#suspension-banner")).containsText("Snapshots of one household");
        assertThat(page.locator("#applied-nodes")).hasText(Pattern.compile("Applied on (\\d+) of \\1 nodes"));
        assertThat(page.locator("#applied-nodes-window")).containsText("leaves this count within 10 s");
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Suspended");
        screenshot("vendor-suspended-admin");

        // The vendor's partner manager sees the suspension and its reason
        switchUser();
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        assertThat(page.locator("#partner-vendor-grid")).containsText("Suspended to protect your privacy");
        page.locator("#partner-vendor-grid").getByText("LumaCam", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#suspension-reason")).containsText("Privacy leak: Snapshots of one household");
        assertThat(page.locator("#suspend-vendor, #resume-vendor, #approve-resume")).hasCount(0);

        // A household with LumaCam cameras is told in plain words; its devices are still listed
        switchUser();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        assertThat(page.locator("#notice-lumacam")).containsText("Suspended by the platform to protect your privacy");
        assertThat(page.locator("#device-groups")).containsText("Nursery camera");
        // a suspended camera is not offered to the displays, and the household is told why
        assertThat(page.locator(".device-row:has-text('Nursery camera') .may-show"))
                .containsText("Not shown on any display while LumaCam is suspended");
        screenshot("my-home-suspended");

        // The first admin asks to resume, and cannot approve their own request
        switchUser();
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("vendors/" + lumacam);
        page.locator("#resume-vendor").click();
        assertThat(page.locator("#resume-dialog")).containsText("a second admin must approve");
        assertThat(page.locator("#resume-confirm")).isDisabled();
        page.locator("#resume-reason textarea").fill("Cache keys are scoped to the owner again; verified on staging");
        page.locator("#resume-confirm").click();
        assertThat(page.locator("#resume-requested")).containsText("Ada Lovelace");
        assertThat(page.locator("#resume-requested")).containsText("verified on staging");
        assertThat(page.locator("#approve-resume")).isDisabled();
        assertThat(page.locator("#withdraw-resume")).hasText("Withdraw request…");
        open("admin");
        assertThat(page.locator("#approvals")).isVisible();
        assertThat(page.locator("#approval-resume-lumacam")).hasCount(0);

        // A second admin finds it in their approvals, with a badge in the menu, and approves it with a reason
        switchUser();
        signInAndWait(DemoAccounts.SECOND_ADMIN, "admin-overview");
        // other tests may leave rollouts waiting too: the badge counts them all
        assertThat(page.locator("#menu-badge-admin")).hasText(Pattern.compile("^[1-9][0-9]*$"));
        assertThat(page.locator("#approval-resume-lumacam")).containsText("Ada Lovelace");
        assertThat(page.locator("#approval-resume-lumacam")).containsText("verified on staging");
        screenshot("approvals-inbox");
        page.locator("#approval-resume-lumacam a").click();
        assertThat(page.locator("#withdraw-resume")).hasText("Decline…");
        page.locator("#approve-resume").click();
        assertThat(page.locator("#approve-resume-dialog")).containsText("verified on staging");
        page.locator("#approve-resume-reason textarea").fill("Read the fix and the staging run");
        page.locator("#approve-resume-confirm").click();
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Active");
        assertThat(page.locator("#suspension-history")).containsText("Read the fix and the staging run");
        assertThat(page.locator("#suspension-banner")).hasCount(0);
        assertThat(page.locator("#suspension-history")).containsText("Grace Hopper");
        open("admin");
        assertThat(page.locator("#approval-resume-lumacam")).hasCount(0);
    }

    @Test
    void a_duplicate_slug_is_a_field_error_and_a_new_vendor_starts_onboarding() {
        signInAndWait(DemoAccounts.SECOND_ADMIN, "admin-overview");
        open("admin/vendors");
        page.locator("#new-vendor").click();
        page.locator("#vendor-slug input").fill("lumacam");
        assertThat(page.locator("#vendor-slug")).containsText("already taken");
        page.locator("#vendor-slug input").fill("Bad Slug");
        assertThat(page.locator("#vendor-slug")).containsText("lowercase letters");

        String slug = "acme-cams-" + System.nanoTime() % 100000;
        page.locator("#vendor-slug input").fill(slug);
        page.locator("#vendor-name input").fill("Acme Cams");
        page.locator("#vendor-capabilities").getByText("Snapshot").click();
        page.locator("#vendor-webhook input").fill("http://hooks.acme.example/x");
        page.locator("#vendor-webhook input").blur();
        assertThat(page.locator("#vendor-webhook")).containsText("Use https");
        page.locator("#vendor-webhook input").fill("https://hooks.acme.example/x");
        page.locator("#vendor-webhook input").blur();
        page.locator("#create-vendor-save").click();

        assertThat(page.locator("#vendor-view h1")).hasText("Acme Cams");
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Onboarding");
        page.locator("#activate-vendor").click();
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Active");
    }

    @Test
    void a_partner_manager_cannot_open_another_vendors_page_by_url() {
        long brightway = jdbc.queryForObject("select id from vendor where slug = 'brightway'", Long.class);
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        open("vendors/" + brightway);
        assertThat(page.locator("#not-available")).isVisible();
        assertThat(page.locator("#vendor-view")).hasCount(0);
        open("admin/vendors");
        assertThat(page.locator("#not-available")).isVisible();
    }
}
