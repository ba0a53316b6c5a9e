package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.rollout.RolloutFixtures;
import io.bridgekeeper.rollout.RolloutFixtures.Setup;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.SuspendCommand;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorApiKeyService;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Pages follow what happens elsewhere: two people in two browsers (each its own session), one acts and
 * the other's page changes without a reload, through server push. Whatever the second person sees is
 * asserted on a page that was opened before the change and never navigated since.
 */
class LiveUpdatesE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestVendors testVendors;
    @Autowired
    RolloutFixtures fx;
    @Autowired
    RunAs run;
    @Autowired
    SuspensionService suspensions;
    @Autowired
    LinkService links;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    HikariDataSource dataSource;

    private BrowserContext otherContext;

    @AfterEach
    void closeOther() {
        if (otherContext != null) {
            otherContext.close();
        }
    }

    /** A second person in a browser session of their own, signed in and on their home page. */
    private Page otherPerson(String email, String homeId) {
        return otherPerson(port, email, homeId);
    }

    /** ... on the node listening at {@code nodePort}. */
    private Page otherPerson(int nodePort, String email, String homeId) {
        otherContext = Browsers.newContext();
        Page other = otherContext.newPage();
        other.setViewportSize(1280, 800);
        other.navigate("http://localhost:" + nodePort + "/login");
        other.locator("input[name='username']").fill(email);
        other.locator("input[name='password']").fill(DemoAccounts.PASSWORD);
        other.locator("vaadin-login-form vaadin-button").first().click();
        assertThat(other.locator("#" + homeId)).isVisible();
        return other;
    }

    private long version(long vendorId) {
        return jdbc.queryForObject("select version from vendor where id = ?", Long.class, vendorId);
    }

    private void suspendForPrivacy(long vendorId, String slug) {
        run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(vendorId, version(vendorId), true,
                Set.of(Capability.values()), SuspensionReason.PRIVACY_LEAK, "Snapshots shown in the wrong home", null, slug)));
    }

    @Test
    void a_resume_request_reaches_the_second_admins_inbox_and_the_approval_reaches_the_first_admins_page() {
        TestVendor v = testVendors.create("live-resume");
        suspendForPrivacy(v.id(), v.slug());

        // the second admin has the Overview open before anything is asked
        Page grace = otherPerson(DemoAccounts.SECOND_ADMIN, "admin-overview");
        assertThat(grace.locator("#approval-resume-" + v.slug())).hasCount(0);

        // the first admin asks for the resume on the vendor's page
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("vendors/" + v.id());
        page.locator("#resume-vendor").click();
        page.locator("#resume-reason textarea").fill("The fix is deployed");
        page.locator("#resume-confirm").click();
        assertThat(page.locator("#resume-requested")).containsText("The fix is deployed");

        // the second admin's Overview, never reloaded, lists it, and the menu badge counts it
        assertThat(grace.locator("#approval-resume-" + v.slug())).containsText("The fix is deployed");
        assertThat(grace.locator("#menu-badge-admin")).hasText(Pattern.compile("^[1-9][0-9]*$"));
        grace.locator("#approval-resume-" + v.slug() + " a").click();
        grace.locator("#approve-resume").click();
        grace.locator("#approve-resume-reason textarea").fill("Checked the fix");
        grace.locator("#approve-resume-confirm").click();
        assertThat(grace.locator("#vendor-view .vendor-status")).hasText("Active");

        // the first admin's page, never reloaded, no longer waits for a second admin
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Active");
        assertThat(page.locator("#suspension-banner")).hasCount(0);
        assertThat(page.locator("#suspension-history")).containsText("Checked the fix");
    }

    @Test
    void a_suspension_and_its_application_on_every_node_reach_another_admins_open_page() {
        Setup s = fx.vendor("live-susp");
        signInAndWait(DemoAccounts.SECOND_ADMIN, "admin-overview");
        open("vendors/" + s.vendorId());
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Active");
        // this admin is half-way through editing the webhook URL
        page.locator("#webhook-url input").fill("https://hooks.example.com/half-typed");

        // an admin, in their own browser, suspends the vendor with the kill switch
        Page ada = otherPerson(DemoAccounts.ADMIN, "admin-overview");
        ada.navigate(url("vendors/" + s.vendorId()));
        ada.locator("#suspend-vendor").click();
        ada.locator("#suspend-reason").click();
        ada.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName("Outage")).click();
        ada.locator("#suspend-reason-text textarea").fill("Their cloud answers with errors");
        ada.locator("#suspend-confirmation input").fill(s.vendor().slug());
        ada.locator("#suspend-confirm").click();
        assertThat(ada.locator("#suspension-banner")).isVisible();

        // the other admin's page is not rebuilt under their hands: they are told, and what they typed stays
        assertThat(page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("This page changed meanwhile"))).isVisible();
        assertThat(page.locator("#webhook-url input")).hasValue("https://hooks.example.com/half-typed");
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Active");
        page.locator("#live-show-change").click();

        // ... and when they choose, the page, never reloaded, shows the suspension and every node's application
        assertThat(page.locator("#vendor-view .vendor-status")).hasText("Suspended");
        assertThat(page.locator("#suspension-reason")).containsText("Their cloud answers with errors");
        assertThat(page.locator("#applied-nodes")).hasText(Pattern.compile("Applied on (\\d+) of \\1 nodes"));
    }

    @Test
    void a_stage_advanced_by_an_admin_reaches_the_partner_managers_open_rollout_page() {
        Setup s = fx.vendor("live-roll");
        long id = fx.running(s, fx.plan(s, List.of(1, 5, 25, 100), 0, 0, "0.05", 600));
        signInAndWait(s.partner(), "partner-vendors");
        open("rollouts/" + id);
        assertThat(page.locator("#rollout-percent")).hasText("1 %");

        Page ada = otherPerson(DemoAccounts.ADMIN, "admin-overview");
        ada.navigate(url("rollouts/" + id));
        ada.locator("#rollout-advance").click();
        assertThat(ada.locator("#rollout-percent")).hasText("5 %");

        assertThat(page.locator("#rollout-percent")).hasText("5 %");
        assertThat(page.locator("#stage-1")).containsText("since");
    }

    @Test
    void a_link_the_vendor_completes_on_one_node_appears_on_the_households_home_page_open_on_another() {
        TestVendor v = testVendors.create("live-link");
        String household = v.slug() + "-home@household.test";
        String hash = jdbc.queryForObject("select password_hash from account where email = ?", String.class,
                DemoAccounts.HOUSEHOLD);
        long account = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, 'Live Home', ?, 'HOUSEHOLD') returning id", Long.class, household, hash);
        jdbc.update("insert into account_role (account_id, role) values (?, 'END_USER')", account);

        try (ConfigurableApplicationContext node2 = SecondNode.start(dataSource, "live-node-2")) {
            int port2 = Integer.parseInt(node2.getEnvironment().getRequiredProperty("local.server.port"));
            // the household's browser is served by the second node
            Page home = otherPerson(port2, household, "my-home");
            assertThat(home.locator("#linked-accounts")).containsText("No vendor account is linked yet.");
            String code = run.as(household, () -> links.startLink(v.id()).code());

            // the vendor's cloud completes the link and reports the devices through the first node
            PartnerApi vendorCloud = PartnerApi.forVendor(port, v.id(), keys, users);
            assertThat(vendorCloud.completeLink(code, "live-ext-1").statusCode()).isEqualTo(201);
            assertThat(vendorCloud.syncDevices("live-ext-1", "porch-1:CAMERA:Porch camera").statusCode()).isEqualTo(200);

            // the page the household had open on the other node shows the link and its camera
            assertThat(home.locator("#linked-accounts")).containsText("Test " + v.slug());
            assertThat(home.locator("#device-groups")).containsText("Porch camera");
            otherContext.close();
            otherContext = null;
        }
    }
}
