package io.bridgekeeper.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.link.UnlinkService;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.vendor.SuspendCommand;
import io.bridgekeeper.vendor.SuspensionReason;
import io.bridgekeeper.vendor.SuspensionService;
import io.bridgekeeper.vendor.VendorApiKeyService;
import io.bridgekeeper.vendor.VendorService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A household's own choices about its devices survive what vendors and admins do. */
@IntegrationTest
class HouseholdChoicesIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    DeviceService devices;
    @Autowired
    DeviceMoveService moves;
    @Autowired
    LinkService links;
    @Autowired
    UnlinkService unlinks;
    @Autowired
    SuspensionService suspensions;
    @Autowired
    VendorService vendors;
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
    Household h;
    PartnerApi partner;
    DecisionClient decisions;

    @BeforeEach
    void setUp() {
        vendor = fixture.vendor("choices");
        h = fixture.household(vendor);
        partner = PartnerApi.forVendor(port, vendor.id(), keys, users);
        decisions = new DecisionClient(port, fixture.credential());
    }

    @AfterEach
    void tearDown() {
        decisions.close();
    }

    String authorize(String key) {
        fixture.sync();
        DecisionClient.Answer answer = decisions.authorize(vendor.slug(), h.cameraId(), h.displayId(), h.accountId(), key);
        return "ALLOW".equals(answer.outcome()) ? "ALLOW" : answer.reason();
    }

    /** Resolve, once this node's decision memory has every committed change. */
    DecisionClient.Answer resolve() {
        fixture.sync();
        return decisions.resolve(vendor.slug(), h.cameraId());
    }

    String state() {
        return jdbc.queryForObject("select state from device where id = ?", String.class, h.cameraRowId());
    }

    long vendorVersion() {
        return run.as(DemoAccounts.ADMIN, () -> vendors.detail(vendor.id()).version());
    }

    @Test
    void a_household_disables_and_enables_its_own_device_and_the_decision_follows() {
        String key = resolve().cacheKey();
        assertThat(authorize(key)).isEqualTo("ALLOW");

        run.as(h.email(), () -> devices.disableMine(h.cameraRowId()));

        assertThat(state()).isEqualTo("DISABLED");
        assertThat(authorize(key)).isEqualTo("DEVICE_DISABLED");
        assertThat(resolve().reason()).isEqualTo("DEVICE_DISABLED");

        run.as(h.email(), () -> devices.enableMine(h.cameraRowId()));

        assertThat(state()).isEqualTo("ACTIVE");
        assertThat(authorize(resolve().cacheKey())).isEqualTo("ALLOW");
        assertThat(jdbc.queryForList("select action from audit_event where target_type = 'device' and target_id = ? order by id",
                String.class, String.valueOf(h.cameraRowId()))).containsSubsequence("DEVICE_DISABLED", "DEVICE_ENABLED");
    }

    @Test
    void another_household_cannot_switch_a_device_that_is_not_its_own() {
        Household other = fixture.household(vendor);
        run.as(h.email(), () -> devices.disableMine(h.cameraRowId()));

        assertThatThrownBy(() -> run.as(other.email(), () -> devices.enableMine(h.cameraRowId())))
                .isInstanceOf(DomainException.class).hasMessageContaining("No device");
        run.as(h.email(), () -> devices.enableMine(h.cameraRowId()));
        assertThatThrownBy(() -> run.as(other.email(), () -> devices.disableMine(h.cameraRowId())))
                .isInstanceOf(DomainException.class).hasMessageContaining("No device");
        assertThat(state()).isEqualTo("ACTIVE");
        run.as(h.email(), () -> devices.disableMine(h.cameraRowId()));
        assertThatThrownBy(() -> run.as(h.email(), () -> devices.disableMine(other.cameraRowId())))
                .isInstanceOf(DomainException.class).hasMessageContaining("No device");
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> devices.enableMine(h.cameraRowId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> devices.disableMine(other.cameraRowId())))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(state()).isEqualTo("DISABLED");
        assertThat(jdbc.queryForObject("select state from device where id = ?", String.class, other.cameraRowId()))
                .isEqualTo("ACTIVE");
    }

    @Test
    void a_disabled_device_stays_disabled_through_relink_suspension_and_resume() {
        String external = h.email().replace("@example.com", "") + "-ext";
        String oldKey = resolve().cacheKey();
        run.as(h.email(), () -> devices.disableMine(h.cameraRowId()));

        run.as(h.email(), () -> unlinks.unlink(h.linkId()));
        HttpResponse<String> relinked = partner.completeLink(run.as(h.email(), () -> links.startLink(vendor.id()).code()),
                external);
        assertThat(relinked.body()).contains("\"relinked\":true");
        HttpResponse<String> synced = partner.syncDevices(external, h.cameraId() + ":CAMERA:Camera");
        assertThat(synced.body()).contains("\"added\":[\"" + h.cameraId() + "\"]");
        assertThat(state()).as("after relink").isEqualTo("DISABLED");

        run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(vendor.id(), vendorVersion(), true, null,
                SuspensionReason.OUTAGE, "vendor cloud down", null, vendor.slug())));
        assertThat(state()).as("while suspended").isEqualTo("DISABLED");
        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(vendor.id(), vendorVersion(), "the fault is fixed"));

        assertThat(state()).as("after resume").isEqualTo("DISABLED");
        assertThat(authorize(oldKey)).isEqualTo("DEVICE_DISABLED");
        assertThat(resolve().reason()).isEqualTo("DEVICE_DISABLED");
        // and it is the household's switch, not a stuck device: enabling brings it back
        run.as(h.email(), () -> devices.enableMine(h.cameraRowId()));
        assertThat(authorize(resolve().cacheKey())).isEqualTo("ALLOW");
    }

    @Test
    void a_disabled_device_held_for_a_move_comes_back_disabled_when_its_household_keeps_it() {
        Household other = fixture.household(vendor);
        run.as(h.email(), () -> devices.disableMine(h.cameraRowId()));
        partner.syncDevices(other.email().replace("@example.com", "") + "-ext", other.cameraId() + ":CAMERA:Camera",
                h.cameraId() + ":CAMERA:Camera");
        assertThat(state()).isEqualTo("CONFLICT");
        long move = jdbc.queryForObject("select id from device_move where device_id = ? and status = 'PENDING'", Long.class,
                h.cameraRowId());

        run.as(DemoAccounts.ADMIN, () -> moves.resolve(move, DeviceMoveService.Resolution.KEEP, "still theirs"));

        assertThat(state()).isEqualTo("DISABLED");
    }
}
