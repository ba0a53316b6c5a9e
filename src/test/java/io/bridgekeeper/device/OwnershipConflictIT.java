package io.bridgekeeper.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.DecisionClient;
import io.bridgekeeper.decision.DecisionFixture;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A vendor's sync that lists a household's camera under another household's account. */
@IntegrationTest
class OwnershipConflictIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    Vendor vendor;
    Household a;
    Household b;
    PartnerApi partner;
    DecisionClient decisions;

    @BeforeEach
    void setUp() {
        vendor = fixture.vendor("conflict");
        a = fixture.household(vendor);
        b = fixture.household(vendor);
        partner = PartnerApi.forVendor(port, vendor.id(), keys, users);
        decisions = new DecisionClient(port, fixture.credential());
    }

    @AfterEach
    void tearDown() {
        decisions.close();
    }

    /** B's vendor account now lists A's camera beside B's own. */
    HttpResponse<String> vendorListsAsCameraUnderB() {
        return partner.syncDevices(b.email().replace("@example.com", "") + "-ext",
                b.cameraId() + ":CAMERA:Camera", a.cameraId() + ":CAMERA:Camera");
    }

    String authorizeFor(Household requester) {
        fixture.sync();
        String key = decisions.resolve(vendor.slug(), a.cameraId()).cacheKey();
        return decisions.authorize(vendor.slug(), a.cameraId(), requester.displayId(), requester.accountId(), key).reason();
    }

    @Test
    void a_vendor_sync_alone_does_not_move_a_camera_to_another_household() {
        HttpResponse<String> synced = vendorListsAsCameraUnderB();

        assertThat(synced.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select owner_account_id from device where id = ?", Long.class, a.cameraRowId()))
                .as("the camera still belongs to household A").isEqualTo(a.accountId());
        assertThat(authorizeFor(b)).as("B's display is not allowed A's camera").isNotNull();
        assertThat(authorizeFor(a)).as("nor A's own display while the move is unconfirmed").isNotNull();
    }
}
