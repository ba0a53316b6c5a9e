package io.bridgekeeper.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Linking through one-time codes and the partner API; device sync; the epoch. */
@IntegrationTest
class LinkingIT {

    @Autowired
    LinkService links;
    @Autowired
    UnlinkService unlinks;
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

    String codeFor(String household) {
        return PartnerApi.as(users, household, () -> links.startLink(lumacamId).code());
    }

    static String external() {
        return "ext-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_code_links_once_and_a_second_live_link_of_the_same_vendor_account_is_refused() {
        String external = external();
        String code = codeFor("household010@example.com");
        assertThat(jdbc.queryForObject("select count(*) from link_code where code_hash = ?", Long.class, code))
                .as("the code itself is never stored").isZero();

        HttpResponse<String> linked = lumacam.completeLink(code, external);
        assertThat(linked.statusCode()).isEqualTo(201);
        assertThat(linked.body()).contains("\"epoch\":1");

        HttpResponse<String> again = lumacam.completeLink(code, external());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already used");

        HttpResponse<String> second = lumacam.completeLink(codeFor("household011@example.com"), external);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(second.body()).contains("account-already-linked").contains("is already linked to a household");
        assertThat(jdbc.queryForObject("select count(*) from account_link where vendor_id = ? and external_account_id = ? "
                + "and status = 'LIVE'", Long.class, lumacamId, external)).isEqualTo(1);
    }

    @Test
    void another_vendors_key_cannot_redeem_a_code() {
        long brightway = jdbc.queryForObject("select id from vendor where slug = 'brightway'", Long.class);
        PartnerApi other = PartnerApi.forVendor(port, brightway, keys, users);

        HttpResponse<String> refused = other.completeLink(codeFor("household012@example.com"), external());

        assertThat(refused.statusCode()).isEqualTo(404);
    }

    @Test
    void every_unlink_and_relink_moves_the_epoch() {
        String household = "household013@example.com";
        String external = external();
        lumacam.completeLink(codeFor(household), external);
        long link = jdbc.queryForObject("select id from account_link where external_account_id = ?", Long.class, external);

        PartnerApi.as(users, household, () -> unlinks.unlink(link));
        HttpResponse<String> relinked = lumacam.completeLink(codeFor(household), external);

        assertThat(relinked.statusCode()).isEqualTo(201);
        assertThat(relinked.body()).contains("\"epoch\":3").contains("\"relinked\":true");
        assertThat(jdbc.queryForList("select event || ' ' || epoch from link_epoch_event where link_id = ? order by id",
                String.class, link)).containsExactly("LINKED 1", "UNLINKED 2", "RELINKED 3");
    }

    @Test
    void a_batch_with_one_bad_item_writes_nothing_and_names_the_item_and_field() {
        String external = external();
        lumacam.completeLink(codeFor("household014@example.com"), external);
        long devicesBefore = jdbc.queryForObject("select count(*) from device", Long.class);
        long ownershipBefore = jdbc.queryForObject("select count(*) from device_ownership", Long.class);

        HttpResponse<String> refused = lumacam.syncDevices(external, external + "-cam:CAMERA:Porch camera",
                external + "-bell:DOORBELL:Doorbell", external + "-x:TOASTER:Kitchen toaster");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"index\":2").contains("\"field\":\"kind\"").contains("TOASTER");
        assertThat(jdbc.queryForObject("select count(*) from device", Long.class)).isEqualTo(devicesBefore);
        assertThat(jdbc.queryForObject("select count(*) from device_ownership", Long.class)).isEqualTo(ownershipBefore);

        HttpResponse<String> blankName = lumacam.syncDevices(external, external + "-cam:CAMERA: ");
        assertThat(blankName.body()).contains("\"index\":0").contains("\"field\":\"name\"");
    }

    @Test
    void a_sync_is_idempotent_and_ownership_follows_the_link_with_its_history() {
        String household = "household015@example.com";
        long account = jdbc.queryForObject("select id from account where email = ?", Long.class, household);
        String external = external();
        lumacam.completeLink(codeFor(household), external);
        String cam = external + "-cam";
        String bell = external + "-bell";

        HttpResponse<String> first = lumacam.syncDevices(external, cam + ":CAMERA:Porch camera", bell + ":DOORBELL:Doorbell");
        HttpResponse<String> same = lumacam.syncDevices(external, cam + ":CAMERA:Porch camera", bell + ":DOORBELL:Doorbell");
        HttpResponse<String> changed = lumacam.syncDevices(external, cam + ":CAMERA:Front porch camera");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"added\":[\"" + cam + "\",\"" + bell + "\"]");
        assertThat(same.body()).contains("\"added\":[]").contains("\"unchanged\":2");
        assertThat(changed.body()).contains("\"updated\":[\"" + cam + "\"]").contains("\"removed\":[\"" + bell + "\"]");
        assertThat(jdbc.queryForObject("select owner_account_id from device where vendor_device_id = ?", Long.class, cam))
                .isEqualTo(account);
        assertThat(jdbc.queryForObject("select name from device where vendor_device_id = ?", String.class, cam))
                .isEqualTo("Front porch camera");
        assertThat(jdbc.queryForList("""
                select o.start_reason || '/' || coalesce(o.end_reason, 'current') from device_ownership o
                join device d on d.id = o.device_id where d.vendor_device_id in (?, ?) order by d.vendor_device_id
                """, String.class, bell, cam)).containsExactly("LINKED/REMOVED", "LINKED/current");

        // the vendor lists the camera under another household's account: nothing moves without consent
        // (issue 16; OwnershipConflictIT has the whole flow)
        String other = external();
        lumacam.completeLink(codeFor("household016@example.com"), other);
        HttpResponse<String> moved = lumacam.syncDevices(other, cam + ":CAMERA:Front porch camera");
        assertThat(moved.body()).contains("\"moved\":[]").contains("\"pendingConfirmation\":[\"" + cam + "\"]");
        assertThat(jdbc.queryForList("""
                select a.email || ' ' || o.start_reason || '/' || coalesce(o.end_reason, 'current') from device_ownership o
                join device d on d.id = o.device_id join account a on a.id = o.owner_account_id
                where d.vendor_device_id = ? order by o.id
                """, String.class, cam)).containsExactly(household + " LINKED/current");
    }

    @Test
    void a_sync_for_an_account_that_is_not_linked_is_refused() {
        HttpResponse<String> refused = lumacam.syncDevices("nobody-" + external(), "x1:CAMERA:Camera");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("not linked");
    }

    @Test
    void an_expired_code_is_refused() {
        String code = codeFor("household017@example.com");
        jdbc.update("update link_code set created_at = created_at - interval '1 hour', expires_at = expires_at - interval '1 hour' "
                + "where code_hash = ?", LinkCodes.hash(code));

        HttpResponse<String> refused = lumacam.completeLink(code, external());

        assertThat(refused.statusCode()).isEqualTo(410);
    }

    @Test
    void a_household_cannot_start_a_link_for_a_vendor_that_is_not_active() {
        long onboarding = jdbc.queryForObject("select id from vendor where slug = 'nimbus-climate'", Long.class);
        assertThatThrownBy(() -> PartnerApi.as(users, "household018@example.com", () -> links.startLink(onboarding)))
                .hasMessageContaining("cannot be linked");
        assertThat(PartnerApi.as(users, "household018@example.com", links::linkableVendors))
                .extracting(LinkableVendor::slug).doesNotContain("nimbus-climate").contains("lumacam");
    }

    static List<String> ids(String... ids) {
        return List.of(ids);
    }
}
