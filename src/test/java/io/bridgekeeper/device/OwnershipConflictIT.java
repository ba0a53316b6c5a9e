package io.bridgekeeper.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A vendor's sync that lists a household's camera under another household's account moves nothing:
 * the camera is held (both households denied) until the new household confirms or an admin resolves it.
 */
@IntegrationTest
class OwnershipConflictIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    DeviceMoveService moves;
    @Autowired
    DeviceService devices;
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

    Vendor vendor;
    Household a;
    Household b;
    PartnerApi partner;
    String partnerKey;
    DecisionClient decisions;
    String keyOfA;

    @BeforeEach
    void setUp() {
        vendor = fixture.vendor("conflict");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
        partnerKey = run.as(DemoAccounts.ADMIN, () -> keys.create(vendor.id(), "test vendor cloud").secret());
        partner = new PartnerApi(port, partnerKey);
        decisions = new DecisionClient(port, fixture.credential());
        keyOfA = decisions.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(authorize(a, keyOfA)).as("before the sync, A's display shows A's camera").isEqualTo("ALLOW");
    }

    @AfterEach
    void tearDown() {
        decisions.close();
    }

    static String ext(Household h) {
        return h.email().replace("@example.com", "") + "-ext";
    }

    /** B's vendor account now lists A's camera beside B's own. */
    HttpResponse<String> vendorListsAsCameraUnderB() {
        return partner.syncDevices(ext(b), b.cameraId() + ":CAMERA:Camera", a.cameraId() + ":CAMERA:Camera");
    }

    /** ALLOW, or the deny reason, for A's camera on the requester's own display. */
    String authorize(Household requester, String key) {
        fixture.sync();
        DecisionClient.Answer answer = decisions.authorize(vendor.slug(), a.cameraId(), requester.displayId(),
                requester.accountId(), key);
        return "ALLOW".equals(answer.outcome()) ? "ALLOW" : answer.reason();
    }

    String partnerRead(String deviceId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/partner/v1/devices/"
                + deviceId)).header("Authorization", "Bearer " + partnerKey).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String ownerAndState() {
        return jdbc.queryForObject("select owner_account_id || ' ' || state from device where id = ?", String.class,
                a.cameraRowId());
    }

    long pendingMove() {
        return jdbc.queryForObject("select id from device_move where device_id = ? and status = 'PENDING'", Long.class,
                a.cameraRowId());
    }

    @Test
    void a_vendor_sync_alone_does_not_move_a_camera_to_another_household() {
        HttpResponse<String> synced = vendorListsAsCameraUnderB();

        assertThat(synced.statusCode()).isEqualTo(200);
        assertThat(synced.body()).contains("\"pendingConfirmation\":[\"" + a.cameraId() + "\"]").contains("\"moved\":[]");
        assertThat(ownerAndState()).as("the camera stays A's, held").isEqualTo(a.accountId() + " CONFLICT");
        fixture.sync();
        String keyForB = decisions.resolve(vendor.slug(), a.cameraId()).reason();
        assertThat(keyForB).as("no key is issued for a held camera").isEqualTo("OWNERSHIP_CONFLICT");
        assertThat(authorize(b, keyOfA)).as("B's display is not allowed A's camera").isEqualTo("OWNERSHIP_CONFLICT");
        assertThat(authorize(a, keyOfA)).as("nor A's own display while the move waits").isEqualTo("OWNERSHIP_CONFLICT");
        assertThat(jdbc.queryForObject("select status from vendor where id = ?", String.class, vendor.id()))
                .as("a held camera is not an isolation violation").isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("select count(*) from incident where vendor_id = ?", Long.class, vendor.id())).isZero();

        // the vendor sees it: a second sync says the same, and a device read says who may confirm
        assertThat(vendorListsAsCameraUnderB().body()).contains("\"pendingConfirmation\":[\"" + a.cameraId() + "\"]");
        assertThat(partnerRead(a.cameraId())).startsWith("200 ").contains("\"ownership\":\"PENDING_CONFIRMATION\"")
                .contains("\"externalAccountId\":\"" + ext(a) + "\"")
                .contains("\"pendingExternalAccountId\":\"" + ext(b) + "\"");
        assertThat(jdbc.queryForObject("select count(*) from device_move where device_id = ?", Long.class, a.cameraRowId()))
                .isEqualTo(1);

        // both households are told in My home: B may confirm, A is told its camera is held
        List<PendingMove> forB = run.as(b.email(), () -> moves.myPendingMoves());
        assertThat(forB).singleElement().satisfies(m -> {
            assertThat(m.incoming()).isTrue();
            assertThat(m.externalAccountId()).isEqualTo(ext(b));
            assertThat(m.deviceId()).isEqualTo(a.cameraRowId());
        });
        List<PendingMove> forA = run.as(a.email(), () -> moves.myPendingMoves());
        assertThat(forA).singleElement().satisfies(m -> {
            assertThat(m.incoming()).isFalse();
            assertThat(m.externalAccountId()).as("A is not told B's account").isNull();
        });
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'device' and target_id = ?",
                String.class, String.valueOf(a.cameraRowId()))).contains("DEVICE_MOVE_REQUESTED");
    }

    @Test
    void the_new_household_confirms_and_the_camera_moves_with_its_history() {
        vendorListsAsCameraUnderB();

        run.as(b.email(), () -> moves.confirm(pendingMove()));

        assertThat(ownerAndState()).isEqualTo(b.accountId() + " ACTIVE");
        assertThat(jdbc.queryForObject("select link_id from device where id = ?", Long.class, a.cameraRowId()))
                .isEqualTo(b.linkId());
        assertThat(jdbc.queryForList("""
                select o.owner_account_id || ' ' || o.start_reason || '/' || coalesce(o.end_reason, 'current')
                from device_ownership o where o.device_id = ? order by o.id
                """, String.class, a.cameraRowId())).endsWith(b.accountId() + " TRANSFERRED/current");
        assertThat(jdbc.queryForObject("select reason_text from device_ownership where device_id = ? and ended_at is null",
                String.class, a.cameraRowId())).contains("confirmed by the new household");
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'device' and target_id = ?",
                String.class, String.valueOf(a.cameraRowId()))).contains("DEVICE_MOVE_REQUESTED", "DEVICE_MOVE_CONFIRMED");
        fixture.sync();
        String keyOfB = decisions.resolve(vendor.slug(), a.cameraId()).cacheKey();
        assertThat(authorize(b, keyOfB)).as("now B's display shows it").isEqualTo("ALLOW");
        assertThat(partnerRead(a.cameraId())).contains("\"ownership\":\"CONFIRMED\"")
                .contains("\"externalAccountId\":\"" + ext(b) + "\"").contains("\"pendingExternalAccountId\":null");
        assertThat(vendorListsAsCameraUnderB().body()).contains("\"unchanged\":2").contains("\"pendingConfirmation\":[]");
        assertThat(run.as(a.email(), () -> moves.myPendingMoves())).isEmpty();
    }

    @Test
    void nobody_but_the_new_household_confirms_and_only_an_admin_resolves() {
        vendorListsAsCameraUnderB();
        long move = pendingMove();
        Household c = fixture.household(vendor);

        assertThatThrownBy(() -> run.as(a.email(), () -> moves.confirm(move))).as("the household that owns it now")
                .isInstanceOf(DomainException.class).hasMessageContaining("No pending move");
        assertThatThrownBy(() -> run.as(c.email(), () -> moves.confirm(move))).as("a third household")
                .isInstanceOf(DomainException.class).hasMessageContaining("No pending move");
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> moves.confirm(move)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> moves.confirm(move)))
                .as("an admin resolves, never confirms as a household").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER,
                () -> moves.resolve(move, DeviceMoveService.Resolution.MOVE, "vendor says so")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(b.email(), () -> moves.resolve(move, DeviceMoveService.Resolution.MOVE, "mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> moves.pendingMoveOf(a.cameraRowId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> moves.resolve(move, DeviceMoveService.Resolution.MOVE, " ")))
                .as("an admin gives a reason").isInstanceOf(DomainException.class).hasMessageContaining("reason");

        assertThat(ownerAndState()).isEqualTo(a.accountId() + " CONFLICT");
        assertThat(jdbc.queryForObject("select status from device_move where id = ?", String.class, move)).isEqualTo("PENDING");
    }

    @Test
    void an_admin_keeps_the_camera_with_its_household_and_the_claim_is_not_asked_again() {
        vendorListsAsCameraUnderB();
        long move = pendingMove();
        MoveRequest seen = run.as(DemoAccounts.ADMIN, () -> moves.pendingMoveOf(a.cameraRowId())).orElseThrow();
        assertThat(seen.fromEmail()).isEqualTo(a.email());
        assertThat(seen.toEmail()).isEqualTo(b.email());
        assertThat(seen.toLinkLive()).isTrue();

        run.as(DemoAccounts.ADMIN, () -> moves.resolve(move, DeviceMoveService.Resolution.KEEP, "A still has the camera"));

        assertThat(ownerAndState()).isEqualTo(a.accountId() + " ACTIVE");
        assertThat(authorize(a, keyOfA)).isEqualTo("ALLOW");
        assertThat(jdbc.queryForObject("select status from device_move where id = ?", String.class, move)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'device' and target_id = ?",
                String.class, String.valueOf(a.cameraRowId()))).contains("DEVICE_MOVE_REJECTED");
        HttpResponse<String> again = vendorListsAsCameraUnderB();
        assertThat(again.body()).contains("\"skipped\":[\"" + a.cameraId() + "\"]").contains("\"pendingConfirmation\":[]");
        assertThat(ownerAndState()).isEqualTo(a.accountId() + " ACTIVE");
        assertThat(partnerRead(a.cameraId())).contains("\"ownership\":\"CONFIRMED\"")
                .contains("\"externalAccountId\":\"" + ext(a) + "\"");
    }

    @Test
    void an_admin_moves_the_camera_to_the_household_whose_account_lists_it() {
        vendorListsAsCameraUnderB();
        long move = pendingMove();

        run.as(DemoAccounts.ADMIN, () -> moves.resolve(move, DeviceMoveService.Resolution.MOVE, "B bought it from A"));

        assertThat(ownerAndState()).isEqualTo(b.accountId() + " ACTIVE");
        assertThat(jdbc.queryForObject("select reason_text from device_ownership where device_id = ? and ended_at is null",
                String.class, a.cameraRowId())).contains("resolved by an admin: B bought it from A");
        assertThat(jdbc.queryForObject("select resolved_by from device_move where id = ?", Long.class, move))
                .isEqualTo(jdbc.queryForObject("select id from account where email = ?", Long.class, DemoAccounts.ADMIN));
        assertThat(run.as(DemoAccounts.ADMIN, () -> moves.pendingMoveOf(a.cameraRowId()))).isEmpty();
    }

    @Test
    void the_vendor_taking_its_claim_back_releases_the_camera() {
        vendorListsAsCameraUnderB();

        HttpResponse<String> back = partner.syncDevices(ext(b), b.cameraId() + ":CAMERA:Camera");

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(ownerAndState()).isEqualTo(a.accountId() + " ACTIVE");
        assertThat(authorize(a, keyOfA)).isEqualTo("ALLOW");
        assertThat(partnerRead(a.cameraId())).contains("\"ownership\":\"CONFIRMED\"");
        assertThat(partnerRead("no-such-device")).startsWith("404 ");
    }

    @Test
    void an_admin_transfer_of_a_held_camera_ends_the_waiting_move() {
        vendorListsAsCameraUnderB();
        long move = pendingMove();
        Household c = fixture.household(vendor);

        run.as(DemoAccounts.ADMIN, () -> devices.transfer(a.cameraRowId(), c.email(), "sold to C, with papers"));

        assertThat(ownerAndState()).isEqualTo(c.accountId() + " ACTIVE");
        assertThat(jdbc.queryForObject("select status from device_move where id = ?", String.class, move))
                .isEqualTo("WITHDRAWN");
        assertThatThrownBy(() -> run.as(b.email(), () -> moves.confirm(move))).isInstanceOf(DomainException.class);
        assertThat(ownerAndState()).isEqualTo(c.accountId() + " ACTIVE");
    }
}
