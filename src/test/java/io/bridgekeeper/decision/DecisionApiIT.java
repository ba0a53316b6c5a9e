package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the decision API decides, over HTTP: versions, keys, every reason, isolation violations, rotation
 * and batches. How it is reached (credentials, problems, observations, metrics): {@link DecisionApiAccessIT}.
 */
@IntegrationTest
class DecisionApiIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunAs runAs;
    @Autowired
    SigningSecretService secrets;
    @LocalServerPort
    int port;

    DecisionClient api;
    Vendor vendor;
    Household a;
    Household b;

    @BeforeEach
    void setUp() {
        api = new DecisionClient(port, fixture.credential());
        vendor = fixture.vendor("decide");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void resolveGivesTheStableVersionAndAKeyThatAuthorizesTheOwnDisplay() {
        Answer resolved = api.resolve(vendor.slug(), a.cameraId());
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.outcome()).isEqualTo("RESOLVED");
        assertThat(resolved.versionLabel()).isEqualTo("v1");
        assertThat(resolved.cacheKey()).startsWith("bk1.");

        Answer allowed = api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), resolved.cacheKey());
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.outcome()).isEqualTo("ALLOW");
        assertThat(allowed.reason()).isNull();
        assertThat(allowed.versionLabel()).isEqualTo("v1");
    }

    @Test
    void eachRefusalHasItsReason() {
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        String keyB = api.resolve(vendor.slug(), b.cameraId()).cacheKey();
        assertThat(api.authorize(vendor.slug(), "no-such-camera", a.displayId(), a.accountId(), keyA).reason())
                .isEqualTo("DEVICE_UNKNOWN");
        assertThat(api.authorize("no-such-vendor", a.cameraId(), a.displayId(), a.accountId(), keyA).reason())
                .isEqualTo("DEVICE_UNKNOWN");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), b.accountId(), keyA).reason())
                .isEqualTo("REQUESTER_NOT_OWNER");
        // a genuine key, but of another device: moved
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), keyB).reason())
                .isEqualTo("FORGED_CACHE_KEY");
        String tampered = keyA.substring(0, keyA.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), tampered).reason())
                .isEqualTo("FORGED_CACHE_KEY");
        // the owner field rewritten without the secret
        String[] parts = keyA.split("\\.");
        parts[4] = String.valueOf(b.accountId());
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), String.join(".", parts)).reason())
                .isEqualTo("FORGED_CACHE_KEY");

        jdbc.update("update device set state = 'DISABLED' where id = ?", a.cameraRowId());
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), keyA).reason())
                .isEqualTo("DEVICE_DISABLED");
        fixture.sync();
        assertThat(api.resolve(vendor.slug(), a.cameraId()).reason()).isEqualTo("DEVICE_DISABLED");
    }

    @Test
    void aMovedEpochMakesEarlierKeysStaleAndAnEndedLinkRefusesAtOnce() {
        String key = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        jdbc.update("update account_link set epoch = epoch + 1 where id = ?", a.linkId());
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), key).reason())
                .isEqualTo("STALE_CACHE_KEY");
        fixture.sync();
        String fresh = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(fresh).isNotEqualTo(key);
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh).outcome())
                .isEqualTo("ALLOW");

        jdbc.update("update account_link set status = 'ENDED', unlinked_at = now(), epoch = epoch + 1 where id = ?", a.linkId());
        jdbc.update("update device set owner_account_id = null where link_id = ?", a.linkId());
        // no waiting for any notification: ownership is read at every authorization
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh).reason())
                .isEqualTo("LINK_ENDED");
        fixture.sync();
        assertThat(api.resolve(vendor.slug(), a.cameraId()).reason()).isEqualTo("LINK_ENDED");
    }

    @Test
    void aRolloutStageMovesTheDevicesInsideItAndTheirKeys() {
        long target = jdbc.queryForObject("insert into cache_version (vendor_id, label) values (?, 'v2') returning id",
                Long.class, vendor.id());
        long author = jdbc.queryForObject("select id from account where email = ?", Long.class, DemoAccounts.ADMIN);
        String before = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        long rollout = jdbc.queryForObject("""
                insert into rollout (vendor_id, from_version_id, to_version_id, state, salt, current_stage, bake_seconds,
                                     min_deliveries, error_rate_threshold, no_data_seconds, created_by, created_at)
                values (?, ?, ?, 'RUNNING', 'salt', 0, 60, 10, 0.05, 600, ?, now()) returning id""",
                Long.class, vendor.id(), vendor.stableVersionId(), target, author);
        jdbc.update("insert into rollout_stage (rollout_id, stage_index, percent) values (?, 0, 100)", rollout);
        jdbc.update("update rollout set version = version + 1 where id = ?", rollout); // stage rows have no trigger
        fixture.sync();
        Answer moved = api.resolve(vendor.slug(), a.cameraId());
        assertThat(moved.versionLabel()).isEqualTo("v2");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), before).reason())
                .isEqualTo("STALE_CACHE_KEY");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), moved.cacheKey()).outcome())
                .isEqualTo("ALLOW");
        jdbc.update("update rollout set state = 'HALTED', ended_at = now() where id = ?", rollout);
        fixture.sync();
        assertThat(api.resolve(vendor.slug(), a.cameraId()).versionLabel()).isEqualTo("v1");
    }

    @Test
    void anotherHouseholdsCameraIsAnIsolationViolationThatSuspendsTheVendor() {
        Answer resolved = api.resolve(vendor.slug(), a.cameraId());
        assertThat(resolved.status()).as("resolve: %s", resolved.body()).isEqualTo(200);
        String keyA = resolved.cacheKey();
        Answer denied = api.authorize(vendor.slug(), a.cameraId(), b.displayId(), b.accountId(), keyA);
        assertThat(denied.reason()).as("authorize: %s %s", denied.status(), denied.body()).isEqualTo("OWNER_MISMATCH");

        Map<String, Object> violation = jdbc.queryForMap("""
                select source_device_id, requester_account_id, source_owner_account_id, target_owner_account_id, incident_id
                from isolation_violation where vendor_id = ?""", vendor.id());
        assertThat(violation.get("source_device_id")).isEqualTo(a.cameraRowId());
        assertThat(violation.get("source_owner_account_id")).isEqualTo(a.accountId());
        assertThat(violation.get("target_owner_account_id")).isEqualTo(b.accountId());
        assertThat(violation.get("requester_account_id")).isEqualTo(b.accountId());
        assertThat(jdbc.queryForObject("select kind from incident where id = ?", String.class, violation.get("incident_id")))
                .isEqualTo("ISOLATION_VIOLATION");
        // the vendor's policy suspends its cameras: the kill switch refuses every image and stream from now on,
        // while control of its locks and lights keeps working
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), keyA).reason())
                .isEqualTo("CAPABILITY_SUSPENDED");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), keyA, "SNAPSHOT").reason())
                .isEqualTo("CAPABILITY_SUSPENDED");
        fixture.sync();
        String fresh = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), fresh, "CONTROL").outcome())
                .isEqualTo("ALLOW");
    }

    @Test
    void aKeyIssuedToTheFormerOwnerIsAnIsolationViolation() {
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        // the camera now belongs to B (transferred: owned without a link)
        jdbc.update("update device set owner_account_id = ?, link_id = null where id = ?", b.accountId(), a.cameraRowId());
        assertThat(api.authorize(vendor.slug(), a.cameraId(), b.displayId(), b.accountId(), keyA).reason())
                .isEqualTo("OWNER_MISMATCH");
        assertThat(jdbc.queryForObject("select count(*) from isolation_violation where vendor_id = ?", Integer.class,
                vendor.id())).isEqualTo(1);
    }

    @Test
    void rotatingOnceKeepsKeysValidTwiceMakesThemStale() {
        String key = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        runAs.as(DemoAccounts.ADMIN, () -> secrets.rotate());
        fixture.sync();
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), key).outcome()).isEqualTo("ALLOW");
        String next = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(next.split("\\.")[1]).isNotEqualTo(key.split("\\.")[1]);
        runAs.as(DemoAccounts.ADMIN, () -> secrets.rotate());
        fixture.sync();
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), key).reason())
                .isEqualTo("STALE_CACHE_KEY");
        assertThat(api.authorize(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), next).outcome()).isEqualTo("ALLOW");
    }

    @Test
    void batchesAnswerInOrder() {
        String keyA = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        Answer resolved = api.post("/resolve/batch", Map.of("items", List.of(
                Map.of("vendor", vendor.slug(), "deviceId", a.cameraId()),
                Map.of("vendor", vendor.slug(), "deviceId", "nope"))));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().path("results").get(0).path("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.body().path("results").get(1).path("reason").asString()).isEqualTo("DEVICE_UNKNOWN");

        Answer authorized = api.post("/authorize/batch", Map.of("items", List.of(
                DecisionClient.authorizeBody(vendor.slug(), a.cameraId(), a.displayId(), a.accountId(), keyA),
                DecisionClient.authorizeBody(vendor.slug(), a.cameraId(), a.displayId(), b.accountId(), keyA),
                DecisionClient.authorizeBody(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), keyA))));
        assertThat(authorized.body().path("results").get(0).path("outcome").asString()).isEqualTo("ALLOW");
        assertThat(authorized.body().path("results").get(1).path("reason").asString()).isEqualTo("REQUESTER_NOT_OWNER");
        assertThat(authorized.body().path("results").get(2).path("reason").asString()).isEqualTo("OWNER_MISMATCH");
    }

    @Test
    void aTargetOfTheVendorIsReadLikeAPlatformOne() {
        // the vendor's own screen in household a, through a's link: one vendor device shown on another
        String screen = a.cameraId() + "-screen";
        jdbc.update("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state, owner_since)
                values (?, ?, 'DISPLAY', 'Screen', ?, ?, 'ACTIVE', now())""", vendor.id(), screen, a.accountId(), a.linkId());
        String key = api.resolve(vendor.slug(), a.cameraId()).cacheKey();
        Map<String, Object> body = new LinkedHashMap<>(
                DecisionClient.authorizeBody(vendor.slug(), a.cameraId(), screen, a.accountId(), key));
        body.put("targetVendor", vendor.slug());
        assertThat(api.post("/authorize", body).outcome()).isEqualTo("ALLOW");
        body.put("requesterAccountId", b.accountId());
        assertThat(api.post("/authorize", body).reason()).isEqualTo("REQUESTER_NOT_OWNER");
        body.put("requesterAccountId", a.accountId());
        body.put("targetDeviceId", "no-such-screen");
        assertThat(api.post("/authorize", body).reason()).isEqualTo("DEVICE_UNKNOWN");
    }
}
