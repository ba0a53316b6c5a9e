package io.bridgekeeper.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.device.HouseholdDevice;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.VendorApiKeyService;
import io.bridgekeeper.webhook.WebhookEvent;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Unlinking, receipts and transfers, and that no household reaches another's devices through any service. */
@IntegrationTest
class UnlinkIT {

    @Autowired
    LinkService links;
    @Autowired
    UnlinkService unlinks;
    @Autowired
    DeviceService devices;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    PartnerApi lumacam;
    long lumacamId;

    @BeforeEach
    void vendor() {
        lumacamId = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        lumacam = PartnerApi.forVendor(port, lumacamId, keys, users);
    }

    /** Links a fresh vendor account to the household with a camera and a doorbell; returns the external id. */
    String linkWithDevices(String household) {
        String external = "ul-" + UUID.randomUUID().toString().substring(0, 8);
        String code = PartnerApi.as(users, household, () -> links.startLink(lumacamId).code());
        assertThat(lumacam.completeLink(code, external).statusCode()).isEqualTo(201);
        assertThat(lumacam.syncDevices(external, external + "-cam:CAMERA:Attic camera",
                external + "-bell:DOORBELL:Gate doorbell").statusCode()).isEqualTo(200);
        return external;
    }

    long device(String vendorDeviceId) {
        return jdbc.queryForObject("select id from device where vendor_device_id = ?", Long.class, vendorDeviceId);
    }

    long link(String external) {
        return jdbc.queryForObject("select id from account_link where external_account_id = ?", Long.class, external);
    }

    @Test
    void unlinking_a_device_ends_access_moves_the_epoch_queues_disconnect_and_gives_a_receipt() {
        String household = "household020@example.com";
        String external = linkWithDevices(household);
        long camera = device(external + "-cam");

        long receiptId = PartnerApi.as(users, household, () -> unlinks.unlinkDevice(camera));

        UnlinkReceipt receipt = PartnerApi.as(users, household, () -> unlinks.receipt(receiptId));
        assertThat(receipt.deviceNames()).containsExactly("Attic camera");
        assertThat(receipt.newEpoch()).isEqualTo(2);
        assertThat(receipt.accessRevokedAt()).isNotNull();
        assertThat(receipt.delivery().event()).isEqualTo(WebhookEvent.DISCONNECT);
        assertThat(PartnerApi.as(users, household, devices::myDevices)).extracting(HouseholdDevice::id)
                .doesNotContain(camera).contains(device(external + "-bell"));
        assertThatThrownBy(() -> PartnerApi.as(users, household, () -> devices.myDevice(camera)))
                .isInstanceOf(DomainException.class);
        assertThat(jdbc.queryForObject("select end_reason from device_ownership where device_id = ? order by id desc limit 1",
                String.class, camera)).isEqualTo("UNLINKED");
        // the household's choice stands: the vendor's next full sync does not take the camera back
        String again = lumacam.syncDevices(external, external + "-cam:CAMERA:Attic camera",
                external + "-bell:DOORBELL:Gate doorbell").body();
        assertThat(again).contains("\"skipped\":[\"" + external + "-cam\"]");
        assertThat(jdbc.queryForObject("select owner_account_id is null from device where id = ?", Boolean.class, camera))
                .isTrue();
    }

    @Test
    void unlinking_an_account_releases_all_its_devices() {
        String household = "household021@example.com";
        String external = linkWithDevices(household);
        long link = link(external);
        UnlinkPreview preview = PartnerApi.as(users, household, () -> unlinks.preview(link));
        assertThat(preview.devices()).hasSize(2);

        long receiptId = PartnerApi.as(users, household, () -> unlinks.unlink(link));

        UnlinkReceipt receipt = PartnerApi.as(users, household, () -> unlinks.receipt(receiptId));
        assertThat(receipt.deviceNames()).containsExactlyInAnyOrder("Attic camera", "Gate doorbell");
        assertThat(PartnerApi.as(users, household, links::myLiveLinks)).noneMatch(l -> l.linkId() == link);
        assertThat(PartnerApi.as(users, household, devices::myDevices))
                .noneMatch(d -> d.id() == device(external + "-cam") || d.id() == device(external + "-bell"));
        assertThat(jdbc.queryForObject("select payload ->> 'scope' from webhook_delivery where id = ?", String.class,
                receipt.delivery().id())).isEqualTo("ACCOUNT");
    }

    @Test
    void a_household_cannot_unlink_view_or_transfer_another_households_device_through_any_service_call() {
        String owner = "household022@example.com";
        String intruder = "household023@example.com";
        String external = linkWithDevices(owner);
        long camera = device(external + "-cam");
        long link = link(external);
        long receipt = PartnerApi.as(users, owner, () -> unlinks.unlinkDevice(device(external + "-bell")));

        PartnerApi.as(users, intruder, () -> {
            assertThatThrownBy(() -> unlinks.unlinkDevice(camera)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("No device");
            assertThatThrownBy(() -> devices.myDevice(camera)).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> unlinks.unlink(link)).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> unlinks.preview(link)).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> unlinks.receipt(receipt)).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> devices.transfer(camera, intruder, "mine now")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> unlinks.forceUnlink(link, "mine", "lumacam")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> devices.detail(camera)).isInstanceOf(AccessDeniedException.class);
            assertThat(devices.myDevices()).noneMatch(d -> d.id() == camera);
            assertThat(unlinks.myReceipts()).noneMatch(r -> r.id() == receipt);
            return null;
        });
        assertThat(PartnerApi.as(users, owner, () -> unlinks.myReceipts())).first().satisfies(r -> {
            assertThat(r.id()).isEqualTo(receipt);
            assertThat(r.deviceOnly()).isTrue();
            assertThat(r.deviceNames()).hasSize(1);
        });
        assertThat(jdbc.queryForObject("select a.email from device d join account a on a.id = d.owner_account_id "
                + "where d.id = ?", String.class, camera)).isEqualTo(owner);
        assertThat(jdbc.queryForObject("select status from account_link where id = ?", String.class, link)).isEqualTo("LIVE");
    }

    @Test
    void after_a_transfer_the_old_owner_loses_the_device_at_once_and_the_new_owner_sees_only_their_period() {
        String from = "household024@example.com";
        String to = "household025@example.com";
        String external = linkWithDevices(from);
        long camera = device(external + "-cam");

        PartnerApi.as(users, DemoAccounts.ADMIN, () -> {
            devices.transfer(camera, to, "House sold with the camera installed");
            return null;
        });

        assertThat(PartnerApi.as(users, from, devices::myDevices)).noneMatch(d -> d.id() == camera);
        assertThatThrownBy(() -> PartnerApi.as(users, from, () -> devices.myDevice(camera))).isInstanceOf(DomainException.class);
        var mine = PartnerApi.as(users, to, () -> devices.myDevice(camera));
        java.time.Instant transferredAt = jdbc.queryForObject("select started_at from device_ownership where device_id = ? "
                + "and start_reason = 'TRANSFERRED'", java.sql.Timestamp.class, camera).toInstant();
        assertThat(mine.ownerSince()).isEqualTo(transferredAt);
        assertThat(PartnerApi.as(users, DemoAccounts.ADMIN, () -> devices.detail(camera)).history())
                .extracting(p -> p.ownerEmail() + " " + p.startReason() + "/" + p.endReason())
                .containsExactly(to + " TRANSFERRED/null", from + " LINKED/TRANSFERRED");
        // the old vendor account's next sync does not take it back
        assertThat(lumacam.syncDevices(external, external + "-cam:CAMERA:Attic camera").body())
                .contains("\"skipped\":[\"" + external + "-cam\"]");
    }

    @Test
    void an_admin_force_unlinks_with_a_reason_and_the_household_gets_the_receipt() {
        String household = "household026@example.com";
        String external = linkWithDevices(household);
        long link = link(external);
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN, () -> unlinks.forceUnlink(link, " ", "lumacam")))
                .hasMessageContaining("reason");
        // like a suspension, a force-unlink is confirmed by typing the vendor's slug; a wrong one changes nothing
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.ADMIN,
                () -> unlinks.forceUnlink(link, "Account takeover reported", "luma")))
                .isInstanceOf(DomainException.class).hasMessageContaining("Type the vendor's slug 'lumacam'");
        assertThat(PartnerApi.as(users, DemoAccounts.ADMIN, () -> links.detail(link)).link().status()).isEqualTo(LinkStatus.LIVE);

        long receipt = PartnerApi.as(users, DemoAccounts.ADMIN,
                () -> unlinks.forceUnlink(link, "Account takeover reported", "lumacam"));

        assertThat(PartnerApi.as(users, household, () -> unlinks.receipt(receipt)).newEpoch()).isEqualTo(2);
        LinkDetail detail = PartnerApi.as(users, DemoAccounts.ADMIN, () -> links.detail(link));
        assertThat(detail.link().status()).isEqualTo(LinkStatus.ENDED);
        assertThat(detail.epochs()).extracting(EpochChange::event).containsExactly("FORCE_UNLINKED", "LINKED");
        assertThat(detail.unlinkReason()).contains("Account takeover reported");
        // a partner manager of another vendor does not find it
        assertThatThrownBy(() -> PartnerApi.as(users, DemoAccounts.LIGHTS_PARTNER, () -> links.detail(link)))
                .isInstanceOf(DomainException.class);
    }
}
