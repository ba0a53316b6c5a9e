package io.bridgekeeper.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.secrets.SecretDump;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.OAuthBrowser;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.VendorAuthorizationServer;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Issue 22: linking by OAuth 2.0 against a real authorization server as the vendor (Spring Authorization
 * Server with a device endpoint, {@link VendorAuthorizationServer}), over HTTP as a browser without
 * JavaScript does it: link, pull, refresh (once across two nodes), a refused refresh, unlink with
 * revocation, and every error path (consent denied, invalid scope, state replayed, code reused, the device
 * endpoint down) with no state change.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OAuthLinkingIT {

    static final String CLIENT = "bridgekeeper-platform";
    static final String SECRET = "s3cret with spaces & symbols";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    DecisionFixture fixture;
    @Autowired
    RunAs runAs;
    @Autowired
    OAuthLinkService oauth;
    @Autowired
    UnlinkService unlinks;
    @Autowired
    LinkService links;
    @Autowired
    TokenMaintenance maintenance;
    @Autowired
    OAuthStore store;
    @Autowired
    SecretSealer sealer;
    @Autowired
    VendorApiKeyService apiKeys;
    @Autowired
    UserDetailsService users;
    @Autowired
    HikariDataSource dataSource;

    VendorAuthorizationServer vendorServer;
    DecisionFixture.Vendor vendor;
    String partnerEmail;

    @BeforeAll
    void vendorWithItsAuthorizationServer() {
        vendor = fixture.vendor("oauth");
        vendorServer = VendorAuthorizationServer.start(CLIENT, SECRET,
                List.of("http://localhost:" + port + "/oauth2/callback/" + vendor.slug()));
        saveSettings(vendorServer.revocationUri(), "devices.read offline_access");
        // the vendor's partner manager: a fresh account managing only this vendor
        partnerEmail = TestData.unique("pm") + "@example.com";
        long pm = jdbc.queryForObject("""
                insert into account (email, display_name, password_hash, kind)
                values (?, 'PM', (select password_hash from account where email = ?), 'STAFF') returning id
                """, Long.class, partnerEmail, DemoAccounts.ADMIN);
        jdbc.update("insert into account_role (account_id, role) values (?, 'PARTNER_MANAGER')", pm);
        jdbc.update("insert into vendor_partner_manager (account_id, vendor_id) values (?, ?)", pm, vendor.id());
    }

    @AfterAll
    void stopTheVendor() {
        if (vendorServer != null) {
            vendorServer.close();
        }
    }

    // --- the happy path, and what it leaves behind

    @Test
    void a_household_links_through_the_vendors_sign_in_with_pkce_and_state_and_its_devices_arrive() {
        Household h = household();
        String user = vendorUser(h, "cam-a", "cam-b");

        OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
        OAuthBrowser.Page start = browser.startLink(vendor.slug());
        assertThat(start.status()).isEqualTo(302);
        assertThat(start.location()).startsWith(vendorServer.authorizationUri())
                .contains("response_type=code", "client_id=" + CLIENT, "state=", "code_challenge=",
                        "code_challenge_method=S256", "scope=devices.read", "redirect_uri=");
        String callback = browser.authorizeAtVendor(start.location(), user, "pw", true);
        assertThat(callback).startsWith("http://localhost:" + port + "/oauth2/callback/" + vendor.slug() + "?code=");
        List<OAuthBrowser.Page> hops = browser.returnToPortal(callback);
        assertThat(hops.getLast().location()).endsWith("/home");

        Map<String, Object> link = jdbc.queryForMap("""
                select id, status, epoch, needs_relink from account_link where account_id = ? and vendor_id = ?
                """, h.accountId(), vendor.id());
        assertThat(link).containsEntry("status", "LIVE").containsEntry("epoch", 1).containsEntry("needs_relink", false);
        long linkId = (Long) link.get("id");
        assertThat(jdbc.queryForList("select vendor_device_id from device where link_id = ? and owner_account_id = ? order by 1",
                String.class, linkId, h.accountId())).containsExactly(user + "-cam-a", user + "-cam-b");
        Map<String, Object> tokens = jdbc.queryForMap("select access_token, refresh_token from link_token where link_id = ?",
                linkId);
        assertThat((String) tokens.get("access_token")).startsWith(SecretSealer.PREFIX);
        assertThat((String) tokens.get("refresh_token")).startsWith(SecretSealer.PREFIX);
        assertThat(vendorServer.isAccessTokenActive(sealer.unsealText((String) tokens.get("access_token")))).isTrue();
        assertThat(jdbc.queryForObject("""
                select after_state::text from audit_event where action = 'LINKED' and target_id = ? order by id desc limit 1
                """, String.class, String.valueOf(linkId))).contains("\"method\": \"OAUTH\"");
        // My home lists it as linked by OAuth
        List<LinkedAccount> mine = runAs.as(h.email(), () -> links.myLiveLinks());
        assertThat(mine).singleElement().satisfies(l -> {
            assertThat(l.oauth()).isTrue();
            assertThat(l.needsRelink()).isFalse();
            assertThat(l.externalAccountId()).isEqualTo(user);
        });
    }

    // --- error paths: nothing changes

    @Test
    void consent_denied_at_the_vendor_links_nothing() {
        Household h = household();
        String user = vendorUser(h, "cam");
        long auditBefore = auditCount();
        OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
        String callback = browser.authorizeAtVendor(browser.startLink(vendor.slug()).location(), user, "pw", false);
        assertThat(callback).contains("error=access_denied");
        assertThat(browser.returnToPortal(callback).getLast().location()).endsWith("/home");
        assertNothingLinked(h, auditBefore);
    }

    @Test
    void a_scope_the_vendor_does_not_know_is_refused_and_links_nothing() {
        Household h = household();
        String user = vendorUser(h, "cam");
        saveSettings(vendorServer.revocationUri(), "devices.read everything.write");
        try {
            long auditBefore = auditCount();
            OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
            OAuthBrowser.Page start = browser.startLink(vendor.slug());
            OAuthBrowser.Page atVendor = browser.get(start.location());
            assertThat(atVendor.location()).contains("error=invalid_scope");
            assertThat(browser.returnToPortal(atVendor.location()).getLast().location()).endsWith("/home");
            assertNothingLinked(h, auditBefore);
        } finally {
            saveSettings(vendorServer.revocationUri(), "devices.read offline_access");
        }
    }

    @Test
    void a_replayed_state_is_not_exchanged_and_changes_nothing() {
        Household h = household();
        String user = vendorUser(h, "cam");
        OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
        String callback = browser.authorizeAtVendor(browser.startLink(vendor.slug()).location(), user, "pw", true);
        browser.returnToPortal(callback);
        Map<String, Object> before = linkState(h);
        int tokenRequests = vendorServer.tokenRequests();
        long auditBefore = auditCount();

        // the same answer again (a replay from the history, or an attacker's copy): no authorization request waits for it
        List<OAuthBrowser.Page> replay = browser.returnToPortal(callback);
        assertThat(replay.getLast().location()).endsWith("/home");
        // and in another household's session
        Household other = household();
        new OAuthBrowser(port).signIn(other.email()).returnToPortal(callback);

        assertThat(vendorServer.tokenRequests()).as("no code exchange for a replayed state").isEqualTo(tokenRequests);
        assertThat(linkState(h)).isEqualTo(before);
        assertNoAuditSince(auditBefore);
        assertThat(jdbc.queryForObject("select count(*) from account_link where account_id = ?", Long.class,
                other.accountId())).isZero();
    }

    @Test
    void a_code_used_once_is_refused_by_the_vendor_the_second_time_and_changes_nothing() {
        Household h = household();
        String user = vendorUser(h, "cam");
        OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
        String first = browser.authorizeAtVendor(browser.startLink(vendor.slug()).location(), user, "pw", true);
        browser.returnToPortal(first);
        Map<String, Object> before = linkState(h);
        long auditBefore = auditCount();

        // a new authorization request in the session, answered with the old code
        String state = param(browser.startLink(vendor.slug()).location(), "state");
        String reused = first.replaceAll("state=[^&]+", "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        List<OAuthBrowser.Page> hops = browser.returnToPortal(reused);
        assertThat(hops.getFirst().location()).contains("error=invalid_grant");
        assertThat(hops.getLast().location()).endsWith("/home");
        assertThat(linkState(h)).isEqualTo(before);
        assertNoAuditSince(auditBefore);
    }

    @Test
    void a_device_endpoint_that_fails_leaves_nothing_linked_and_the_new_tokens_are_revoked() {
        Household h = household();
        String user = vendorUser(h, "cam");
        long auditBefore = auditCount();
        vendorServer.failDevices(503);
        try {
            OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
            int revocations = vendorServer.revocationRequests();
            String callback = browser.authorizeAtVendor(browser.startLink(vendor.slug()).location(), user, "pw", true);
            assertThat(browser.returnToPortal(callback).getLast().location()).endsWith("/home");
            assertNothingLinked(h, auditBefore);
            assertThat(vendorServer.revocationRequests()).as("the unused tokens are revoked at once")
                    .isGreaterThan(revocations);
        } finally {
            vendorServer.failDevices(0);
        }
    }

    @Test
    void only_a_signed_in_household_may_start_or_finish_a_link() {
        OAuthBrowser anonymous = new OAuthBrowser(port);
        OAuthBrowser.Page notSignedIn = anonymous.startLink(vendor.slug());
        assertThat(notSignedIn.status()).isEqualTo(302);
        assertThat(notSignedIn.location()).endsWith("/login");
        // a vendor that does not link by OAuth (or no vendor at all): no redirect anywhere, back to My home
        OAuthBrowser household = new OAuthBrowser(port).signIn(household().email());
        for (String slug : List.of("lumacam", "no-such-vendor", "Not_A_Slug")) {
            OAuthBrowser.Page refused = household.startLink(slug);
            assertThat(refused.status()).as(slug).isEqualTo(302);
            assertThat(refused.location()).as(slug).endsWith("/home");
        }
        OAuthBrowser partner = new OAuthBrowser(port).signIn(partnerEmail);
        assertThat(partner.startLink(vendor.slug()).status()).isEqualTo(403);
        assertThat(partner.get("http://localhost:" + port + "/oauth2/callback/" + vendor.slug() + "?code=x&state=y")
                .status()).isEqualTo(403);
    }

    // --- the vendor's settings: who, bad input, test connection

    @Test
    void settings_bad_input_gets_a_field_error_and_writes_nothing() {
        String before = settingsRow();
        assertField(form("http://10.0.0.1/authorize", "devices.read"), "authorizationUri");
        assertField(new OAuthSettingsForm(true, vendorServer.authorizationUri(), "https://169.254.169.254/token", null,
                vendorServer.devicesUri(), CLIENT, "", "x", true), "tokenUri");
        assertField(new OAuthSettingsForm(true, vendorServer.authorizationUri(), vendorServer.tokenUri(), null,
                "ftp://example.com/devices", CLIENT, "", "x", true), "devicesUri");
        assertField(new OAuthSettingsForm(true, vendorServer.authorizationUri(), vendorServer.tokenUri(), null,
                vendorServer.devicesUri(), " ", "", "x", true), "clientId");
        assertField(form(vendorServer.authorizationUri(), "devices\"read"), "scopes");
        assertThat(settingsRow()).isEqualTo(before);

        // a vendor's first settings need a secret
        DecisionFixture.Vendor fresh = fixture.vendor("oauthnew");
        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> oauth.saveSettings(fresh.id(), new OAuthSettingsForm(true,
                vendorServer.authorizationUri(), vendorServer.tokenUri(), null, vendorServer.devicesUri(), CLIENT, "",
                "x", true)))).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("clientSecret"));
    }

    @Test
    void the_settings_are_the_vendors_partner_managers_and_admins_only_and_the_secret_is_never_read_back() {
        OAuthSettings read = runAs.as(partnerEmail, () -> oauth.settings(vendor.id()));
        assertThat(read.secretSet()).isTrue();
        assertThat(read.toString()).doesNotContain(SECRET);
        // another vendor's partner manager: as everywhere, another vendor's page is "not found"
        assertThatThrownBy(() -> runAs.as(DemoAccounts.CAMERA_PARTNER, () -> oauth.settings(vendor.id())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> runAs.as(DemoAccounts.HOUSEHOLD, () -> oauth.settings(vendor.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runAs.as(DemoAccounts.CAMERA_PARTNER, () -> oauth.saveSettings(vendor.id(),
                form(vendorServer.authorizationUri(), "devices.read"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> runAs.as(DemoAccounts.HOUSEHOLD, () -> oauth.testConnection(vendor.id())))
                .isInstanceOf(AccessDeniedException.class);
        String diff = jdbc.queryForObject("""
                select before_state::text || after_state::text from audit_event where action = 'OAUTH_SETTINGS_CHANGED'
                and vendor_id = ? order by id desc limit 1""", String.class, vendor.id());
        assertThat(diff).contains("clientSecret").doesNotContain(SECRET);
    }

    @Test
    void test_connection_checks_every_endpoint_and_tells_wrong_credentials_apart() {
        List<ConnectionCheck> ok = runAs.as(partnerEmail, () -> oauth.testConnection(vendor.id()));
        assertThat(ok).extracting(ConnectionCheck::endpoint).containsExactly("authorization", "token", "revocation", "devices");
        assertThat(ok).allSatisfy(c -> assertThat(c.ok()).as(c.endpoint() + ": " + c.answer()).isTrue());

        runAs.as(DemoAccounts.ADMIN, () -> oauth.saveSettings(vendor.id(), new OAuthSettingsForm(true,
                vendorServer.authorizationUri(), vendorServer.tokenUri(), vendorServer.revocationUri(),
                vendorServer.devicesUri(), CLIENT, "not the secret", "devices.read offline_access", true)));
        try {
            List<ConnectionCheck> wrong = runAs.as(partnerEmail, () -> oauth.testConnection(vendor.id()));
            assertThat(wrong).filteredOn(c -> c.endpoint().equals("token")).singleElement()
                    .satisfies(c -> assertThat(c.ok()).isFalse()).satisfies(c -> assertThat(c.answer()).contains("401"));
        } finally {
            saveSettings(vendorServer.revocationUri(), "devices.read offline_access");
        }
    }

    // --- refresh, once across nodes, and a refused refresh

    @Test
    void tokens_are_refreshed_once_across_two_nodes_before_they_expire() throws Exception {
        Household h = household();
        long linkId = linkThroughTheVendor(h, vendorUser(h, "cam"));
        String oldAccess = clearToken(linkId, "access_token");
        Instant later = Instant.now().plus(Duration.ofHours(1)); // every token of this test's vendor is due then

        ConfigurableApplicationContext node2 = SecondNode.start(dataSource, "oauth-node-2",
                "--bridgekeeper.rollouts.scheduler-enabled=false", "--bridgekeeper.oauth.scheduler-enabled=false");
        try {
            TokenMaintenance other = node2.getBean(TokenMaintenance.class);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Callable<Optional<Integer>>> both = List.of(() -> maintenance.refreshDue(later), () -> other.refreshDue(later));
            List<Optional<Integer>> results = new ArrayList<>();
            for (Future<Optional<Integer>> f : two.invokeAll(both)) {
                results.add(f.get());
            }
            two.shutdown();
            assertThat(results).as("one node refreshed, the other found the round taken").filteredOn(Optional::isPresent)
                    .hasSize(1);
        } finally {
            node2.close();
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'LINK_TOKENS_REFRESHED' and target_id = ?
                """, Long.class, String.valueOf(linkId))).isEqualTo(1);
        String newAccess = clearToken(linkId, "access_token");
        assertThat(newAccess).isNotEqualTo(oldAccess);
        assertThat(vendorServer.isAccessTokenActive(newAccess)).isTrue();
        assertThat(vendorServer.isAccessTokenActive(oldAccess)).as("the vendor rotated the old one out").isFalse();
    }

    @Test
    void a_refresh_the_vendor_refuses_turns_the_links_decisions_to_deny_until_the_household_links_again() {
        Household h = household();
        String user = vendorUser(h, "cam");
        long linkId = linkThroughTheVendor(h, user);
        String camera = user + "-cam";
        try (DecisionClient decisions = new DecisionClient(port, fixture.credential())) {
            fixture.sync();
            String key = decisions.resolve(vendor.slug(), camera).cacheKey();
            assertThat(decisions.authorize(vendor.slug(), camera, h.displayId(), h.accountId(), key).outcome())
                    .isEqualTo("ALLOW");

            vendorServer.revokeAllFor(user); // the household withdrew its consent at the vendor
            assertThat(maintenance.refresh(linkId)).isEqualTo(TokenMaintenance.Refresh.REFUSED);

            assertThat(jdbc.queryForObject("select needs_relink from account_link where id = ?", Boolean.class, linkId)).isTrue();
            assertThat(decisions.authorize(vendor.slug(), camera, h.displayId(), h.accountId(), key).reason())
                    .isEqualTo("LINK_NEEDS_RELINK");
            fixture.sync();
            assertThat(decisions.resolve(vendor.slug(), camera).reason()).isEqualTo("LINK_NEEDS_RELINK");
            assertThat(runAs.as(h.email(), () -> links.myLiveLinks())).singleElement()
                    .satisfies(l -> assertThat(l.needsRelink()).isTrue());
            // never retried silently: the refresh job does not pick it up again, however late
            int tokenRequests = vendorServer.tokenRequests();
            Instant muchLater = Instant.now().plus(Duration.ofDays(1));
            assertThat(store.refreshDue(muchLater, muchLater, 10_000)).doesNotContain(linkId);

            // the household signs in at the vendor again: the same link, renewed
            OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
            browser.returnToPortal(browser.authorizeAtVendor(browser.startLink(vendor.slug()).location(), user, "pw", true));
            assertThat(jdbc.queryForObject("select needs_relink from account_link where id = ?", Boolean.class, linkId)).isFalse();
            assertThat(vendorServer.tokenRequests()).isGreaterThan(tokenRequests);
            assertThat(jdbc.queryForObject("select count(*) from token_revocation where link_id = ? and receipt_id is null",
                    Long.class, linkId)).as("the replaced tokens are revoked at the vendor too").isEqualTo(1L);
            fixture.sync();
            assertThat(decisions.authorize(vendor.slug(), camera, h.displayId(), h.accountId(), key).outcome())
                    .isEqualTo("ALLOW");
        }
    }

    // --- device pull

    @Test
    void the_vendors_hint_pulls_the_changed_list_and_a_device_of_another_household_is_held_not_moved() {
        Household h = household();
        String user = vendorUser(h, "cam");
        long linkId = linkThroughTheVendor(h, user);
        Household neighbour = household();
        String neighbourUser = vendorUser(neighbour, "bell");
        linkThroughTheVendor(neighbour, neighbourUser);

        // the vendor now lists a new camera, and (wrongly or after a sale) the neighbour's doorbell, under h's account
        vendorServer.setDevices(user, List.of(device(user + "-cam2", "CAMERA"), device(neighbourUser + "-bell", "DOORBELL")));
        PartnerApi api = PartnerApi.forVendor(port, vendor.id(), apiKeys, users);
        HttpResponse<String> hint = api.post("/accounts/" + user + "/devices/changed", "");
        assertThat(hint.statusCode()).isEqualTo(202);
        assertThat(api.post("/accounts/nobody-here/devices/changed", "").statusCode()).isEqualTo(404);

        assertThat(maintenance.pullDue(Instant.now(), Duration.ofHours(1))).isPresent();
        assertThat(jdbc.queryForList("select vendor_device_id from device where link_id = ? and state <> 'REMOVED' order by 1",
                String.class, linkId)).contains(user + "-cam2").doesNotContain(user + "-cam");
        assertThat(jdbc.queryForObject("select owner_account_id from device where vendor_device_id = ?", Long.class,
                neighbourUser + "-bell")).as("never a silent owner change").isEqualTo(neighbour.accountId());
        assertThat(jdbc.queryForObject("select state from device where vendor_device_id = ?", String.class,
                neighbourUser + "-bell")).isEqualTo("CONFLICT");
    }

    // --- unlink revokes

    @Test
    void unlinking_revokes_the_tokens_at_the_vendor_and_the_receipt_shows_it(CapturedOutput output) throws Exception {
        Household h = household();
        String user = vendorUser(h, "cam");
        long linkId = linkThroughTheVendor(h, user);
        String access = clearToken(linkId, "access_token");
        String refresh = clearToken(linkId, "refresh_token");

        long receipt = runAs.as(h.email(), () -> unlinks.unlink(linkId));
        assertThat(jdbc.queryForObject("select count(*) from link_token where link_id = ?", Long.class, linkId)).isZero();
        UnlinkReceipt before = runAs.as(h.email(), () -> unlinks.receipt(receipt));
        assertThat(before.revocation()).isNotNull();

        TokenRevocationState after = revokeUntil(h, receipt, Instant.now(), TokenRevocationState.Status.REVOKED);
        assertThat(after.answer()).isEqualTo("HTTP 2xx");
        assertThat(vendorServer.isRefreshTokenActive(refresh)).isFalse();
        assertThat(vendorServer.isAccessTokenActive(access)).isFalse();
        assertThat(vendorServer.refreshAnswer(CLIENT, SECRET, refresh)).as("the vendor refuses the old refresh token").contains("invalid_grant");
        assertThat(jdbc.queryForMap("select access_token, refresh_token from token_revocation where receipt_id = ?", receipt))
                .as("wiped once revoked").containsEntry("access_token", null).containsEntry("refresh_token", null);

        // a token never appears in clear: not in any table, the audit log, or the log
        Household other = household();
        long live = linkThroughTheVendor(other, vendorUser(other, "cam"));
        Map<String, byte[]> secrets = new HashMap<>();
        secrets.put("revoked access token", access.getBytes(StandardCharsets.UTF_8));
        secrets.put("revoked refresh token", refresh.getBytes(StandardCharsets.UTF_8));
        secrets.put("live access token", clearToken(live, "access_token").getBytes(StandardCharsets.UTF_8));
        secrets.put("live refresh token", clearToken(live, "refresh_token").getBytes(StandardCharsets.UTF_8));
        secrets.put("client secret", SECRET.getBytes(StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        SecretDump.dump(jdbcClient).forEach((table, rows) -> found.addAll(SecretDump.findIn(table, rows, secrets)));
        found.addAll(SecretDump.findIn("log", output.getAll(), secrets));
        assertThat(found).isEmpty();
    }

    @Test
    void a_revocation_the_vendor_does_not_answer_is_retried_then_marked_failed_for_an_admin() {
        Household h = household();
        long linkId = linkThroughTheVendor(h, vendorUser(h, "cam"));
        saveSettings("http://localhost:9/revoke", "devices.read offline_access"); // nothing listens on port 9
        try {
            long receipt = runAs.as(h.email(), () -> unlinks.unlink(linkId));
            TokenRevocationState retrying = revokeUntil(h, receipt, Instant.now(), TokenRevocationState.Status.RETRYING);
            assertThat(retrying.answer()).isEqualTo("refused");
            assertThat(retrying.attempts()).isPositive();

            revokeUntil(h, receipt, Instant.now().plus(Duration.ofHours(25)), TokenRevocationState.Status.FAILED);
            assertThat(runAs.as(DemoAccounts.ADMIN, () -> oauth.health(vendor.id())).get("revocationsFailed"))
                    .isGreaterThanOrEqualTo(1L);

            // the vendor fixes its endpoint; an admin (only) sends the failed revocations again
            saveSettings(vendorServer.revocationUri(), "devices.read offline_access");
            assertThatThrownBy(() -> runAs.as(partnerEmail, () -> oauth.retryFailedRevocations(vendor.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(runAs.as(DemoAccounts.ADMIN, () -> oauth.retryFailedRevocations(vendor.id()))).isPositive();
            revokeUntil(h, receipt, Instant.now(), TokenRevocationState.Status.REVOKED);
        } finally {
            saveSettings(vendorServer.revocationUri(), "devices.read offline_access");
        }
    }

    // --- helpers

    /**
     * Runs the revocation worker at {@code at} until the receipt's revocation reaches {@code wanted}. The
     * worker also runs on its own every second in the test JVM and holds the lock while it does, so one call
     * here may find the round taken.
     */
    TokenRevocationState revokeUntil(Household h, long receipt, Instant at, TokenRevocationState.Status wanted) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            maintenance.revokeDue(at);
            return runAs.as(h.email(), () -> unlinks.receipt(receipt)).revocation();
        }, r -> r.status() == wanted);
    }

    record Household(long accountId, String email, String displayId) {
    }

    /** A household that signs in with the demo password, with one platform display. */
    Household household() {
        String tag = TestData.unique("oh");
        String email = tag + "@example.com";
        long account = jdbc.queryForObject("""
                insert into account (email, display_name, password_hash, kind)
                values (?, ?, (select password_hash from account where email = ?), 'HOUSEHOLD') returning id
                """, Long.class, email, tag, DemoAccounts.HOUSEHOLD);
        jdbc.update("insert into account_role (account_id, role) values (?, 'END_USER')", account);
        String display = tag + "-display";
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, state, owner_since)
                values (null, ?, 'DISPLAY', 'Display', ?, 'ACTIVE', now())""", display, account);
        return new Household(account, email, display);
    }

    /** The household's account at the vendor ({@code <tag>-vendor}, password "pw") with these cameras. */
    String vendorUser(Household h, String... devices) {
        String user = h.email().substring(0, h.email().indexOf('@')) + "-vendor";
        vendorServer.addUser(user, "pw");
        List<Map<String, Object>> list = new ArrayList<>();
        for (String d : devices) {
            list.add(device(user + "-" + d, d.startsWith("bell") ? "DOORBELL" : "CAMERA"));
        }
        vendorServer.setDevices(user, list);
        return user;
    }

    static Map<String, Object> device(String id, String kind) {
        return Map.of("id", id, "kind", kind, "name", "Device " + id.substring(id.length() - 4));
    }

    long linkThroughTheVendor(Household h, String user) {
        OAuthBrowser browser = new OAuthBrowser(port).signIn(h.email());
        browser.returnToPortal(browser.authorizeAtVendor(browser.startLink(vendor.slug()).location(), user, "pw", true));
        return jdbc.queryForObject("select id from account_link where account_id = ? and vendor_id = ? and status = 'LIVE'",
                Long.class, h.accountId(), vendor.id());
    }

    String clearToken(long linkId, String column) {
        return sealer.unsealText(jdbc.queryForObject("select " + column + " from link_token where link_id = ?",
                String.class, linkId));
    }

    void saveSettings(String revocationUri, String scopes) {
        runAs.as(DemoAccounts.ADMIN, () -> oauth.saveSettings(vendor.id(), new OAuthSettingsForm(true,
                vendorServer.authorizationUri(), vendorServer.tokenUri(), revocationUri, vendorServer.devicesUri(),
                CLIENT, SECRET, scopes, true)));
    }

    OAuthSettingsForm form(String authorizationUri, String scopes) {
        return new OAuthSettingsForm(true, authorizationUri, vendorServer.tokenUri(), vendorServer.revocationUri(),
                vendorServer.devicesUri(), CLIENT, "", scopes, true);
    }

    void assertField(OAuthSettingsForm form, String field) {
        assertThatThrownBy(() -> runAs.as(partnerEmail, () -> oauth.saveSettings(vendor.id(), form)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    void assertNothingLinked(Household h, long auditBefore) {
        assertThat(jdbc.queryForObject("select count(*) from account_link where account_id = ?", Long.class,
                h.accountId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from device where owner_account_id = ? and vendor_id is not null",
                Long.class, h.accountId())).isZero();
        assertNoAuditSince(auditBefore);
    }

    Map<String, Object> linkState(Household h) {
        return jdbc.queryForMap("""
                select l.id, l.status, l.epoch, l.version, t.access_token, t.refresh_token,
                       (select count(*) from device d where d.link_id = l.id) as devices
                from account_link l left join link_token t on t.link_id = l.id where l.account_id = ?
                """, h.accountId());
    }

    String settingsRow() {
        return jdbc.queryForObject("select row_to_json(o)::text from vendor_oauth o where vendor_id = ?", String.class,
                vendor.id());
    }

    /**
     * The vendor's audit events, without the revocation worker's (it runs on its own schedule in the test JVM,
     * finishing revocations earlier tests queued, and would make a count taken around one request flaky).
     */
    /** Where the audit log ends now: the events a test then expects none of come after it. */
    long auditCount() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    }

    /**
     * No event about the vendor since the mark. The background workers' own events aside: token revocations,
     * and the delivery attempts of webhooks that earlier tests of this class queued to the vendor.
     */
    void assertNoAuditSince(long mark) {
        assertThat(jdbc.queryForList("""
                select action || ' ' || target_type || ' ' || coalesce(target_id, '') || ' by ' || actor_name
                from audit_event where id > ? and vendor_id = ? and target_type not in ('token_revocation', 'webhook_delivery')
                order by id
                """, String.class, mark, vendor.id())).as("audit events about the vendor").isEmpty();
    }

    static String param(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException(name + " not in " + url);
    }
}
