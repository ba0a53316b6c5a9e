package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Compatibility as people use it (issue 21): the camera vendor's partner manager registers a model and declares it
 * works on smart displays, the vendor's sync names it on a household's camera, an admin certifies it and the
 * household reads "Works with"; the admin revokes it and the household reads why it is not shown there. A model
 * id the platform cannot take is a message under the field, and nothing is registered.
 */
class CompatibilityE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    UserDetailsService users;

    /** One device as the vendor's cloud reports it. */
    record Synced(String id, String kind, String name, String model) {
    }

    /** The household's LumaCam account as it was, to be sent back whatever happens (other tests use its cameras). */
    private PartnerApi lumacamCloud;
    private String external;
    private List<Synced> before;

    @AfterEach
    void giveTheCameraItsModelBack() {
        if (before != null) {
            HttpResponse<String> back = sync(before);
            org.assertj.core.api.Assertions.assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        }
    }

    @Test
    void a_partner_registers_a_model_an_admin_certifies_it_a_household_sees_works_with_then_the_revocation_notice() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        String code = TestData.unique("E2E-CAM").toUpperCase();
        String name = "E2E Outdoor " + code.substring(code.length() - 4);
        long modelsBefore = jdbc.queryForObject("select count(*) from device_model where vendor_id = ?", Long.class, lumacam);

        // The partner manager registers the model; a model id with a space and a '!' is refused under the field
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        open("vendors/" + lumacam);
        assertThat(page.locator("#vendor-models")).containsText("LC-CAM-2");
        page.locator("#register-model").click();
        assertThat(page.locator("#register-model-dialog")).containsText("Model id");
        page.locator("#model-code input").fill("bad code!");
        page.locator("#model-name input").fill(name);
        page.locator("#model-kind input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Camera").setExact(true)).click();
        assertThat(page.locator("#model-kind input")).hasValue("Camera");
        page.locator("#model-capabilities").getByText("Camera stream").click();
        page.locator("#model-capabilities").getByText("Snapshot").click();
        page.locator("#register-model-save").click();
        assertThat(page.locator("#model-code")).hasAttribute("invalid", Pattern.compile(".*"));
        assertThat(page.locator("#model-code")).containsText("A model id is 1 to 64 letters, digits or . _ - and starts with a letter or digit.");
        assertThat(page.locator("#register-model-dialog")).containsText("Model id");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject(
                "select count(*) from device_model where vendor_id = ?", Long.class, lumacam)).isEqualTo(modelsBefore);

        page.locator("#model-code input").fill(code);
        page.locator("#register-model-save").click();
        assertThat(page.locator("#register-model-dialog")).hasCount(0);
        assertThat(page.locator("#vendor-models")).containsText(code + " (" + name + ")");

        // ... and declares that its camera stream works on smart displays from 2026.10 on
        page.locator("#declare-compatibility").click();
        assertThat(page.locator("#declare-dialog")).containsText("Since version");
        choose("#declare-model", code + " · " + name);
        choose("#declare-surface", "Smart display");
        choose("#declare-capability", "Camera stream");
        choose("#declare-since", "2026.10");
        page.locator("#declare-save").click();
        assertThat(page.locator("#declare-dialog")).hasCount(0);
        assertThat(page.locator("#vendor-models-grid")).containsText(code);
        assertThat(page.locator("#vendor-models-grid")).containsText("Waiting for the platform to certify it");
        page.locator("#vendor-models").scrollIntoViewIfNeeded();
        screenshot("vendor-models-partner");
        long entry = jdbc.queryForObject("select c.id from compatibility c join device_model m on m.id = c.model_id "
                + "where m.vendor_id = ? and m.code = ? and c.surface_code = 'smart-display' and c.capability = 'CAMERA_STREAM'",
                Long.class, lumacam, code);

        // The vendor's cloud names the model on one of the household's cameras: the whole list goes again, only
        // that camera's model changes (a sync replaces the account's devices). The last camera, since other tests
        // open the first one.
        lumacamCloud = PartnerApi.forVendor(port, lumacam, keys, users);
        external = jdbc.queryForObject("select l.external_account_id from account_link l join account a on a.id = l.account_id "
                + "where a.email = ? and l.vendor_id = ? and l.status = 'LIVE'", String.class, DemoAccounts.HOUSEHOLD, lumacam);
        List<Synced> devices = jdbc.query("select d.vendor_device_id, d.kind, d.name, d.model_code from device d "
                + "join account_link l on l.id = d.link_id where l.external_account_id = ? and l.vendor_id = ? "
                + "and d.state <> 'REMOVED' order by d.id", (rs, i) -> new Synced(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), external, lumacam);
        Synced camera = devices.stream().filter(d -> d.kind().equals("CAMERA")).reduce((a, b) -> b).orElseThrow();
        long cameraId = jdbc.queryForObject("select id from device where vendor_id = ? and vendor_device_id = ?",
                Long.class, lumacam, camera.id());
        List<Synced> withUnknownModel = devices.stream().map(d -> d == camera
                ? new Synced(d.id(), d.kind(), d.name(), "NO-SUCH-" + code) : d).toList();
        List<Synced> withNewModel = devices.stream().map(d -> d == camera
                ? new Synced(d.id(), d.kind(), d.name(), code) : d).toList();

        HttpResponse<String> refused = sync(withUnknownModel);
        org.assertj.core.api.Assertions.assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThat(refused.body()).contains("unknown model");
        org.assertj.core.api.Assertions.assertThat(modelOf(cameraId)).isEqualTo(camera.model());

        before = devices;
        HttpResponse<String> synced = sync(withNewModel);
        org.assertj.core.api.Assertions.assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(synced.body()).contains(camera.id());
        org.assertj.core.api.Assertions.assertThat(modelOf(cameraId)).isEqualTo(code);
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from device d join account_link l "
                + "on l.id = d.link_id where l.external_account_id = ? and l.vendor_id = ? and d.state <> 'REMOVED'",
                Long.class, external, lumacam)).isEqualTo(devices.size());

        // Only declared: the household's camera page names the model but works with nothing yet
        switchUser();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        open("home/devices/" + cameraId);
        assertThat(page.locator("#household-device")).containsText(code);
        assertThat(page.locator("#works-with")).containsText("has not certified this device's model");
        assertThat(page.locator("#works-with-smart-display")).hasCount(0);

        // An admin finds the model in the compatibility table and certifies it for 2026.10
        switchUser();
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("compatibility");
        assertThat(page.locator("#compatibility-grid")).containsText("LC-CAM-2", RENDERED);
        page.locator("#compatibility-search input").fill(code);
        assertThat(page.locator("#compatibility-grid")).not().containsText("LC-CAM-2", RENDERED);
        assertThat(page.locator("#compatibility-grid")).containsText(code + " · " + name, RENDERED);
        assertThat(page.locator("#compatibility-grid")).containsText("Declared", RENDERED);
        assertThat(page.locator("#revoke-" + entry + " >> visible=true")).hasCount(0);
        page.locator("#certify-" + entry + " >> visible=true").click();
        assertThat(page.locator("#certify-dialog")).containsText(code + " on Smart display");
        choose("#certify-version", "2026.10");
        page.locator("#certify-confirm").click();
        assertThat(page.locator("#certify-dialog")).hasCount(0);
        assertThat(page.locator("#compatibility-grid")).containsText("certified for 2026.10", RENDERED);
        assertThat(page.locator("#revoke-" + entry + " >> visible=true")).isVisible();
        page.locator("#compatibility-search input").fill("");
        assertThat(page.locator("#compatibility-grid")).containsText("LC-CAM-2", RENDERED);
        screenshot("compatibility-admin");

        // The household's camera works with smart displays
        switchUser();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        open("home/devices/" + cameraId);
        assertThat(page.locator("#works-with-smart-display")).containsText("Smart display");
        assertThat(page.locator("#works-with-smart-display")).containsText("Certified");
        assertThat(page.locator("#works-with-smart-display")).containsText("Camera stream");
        assertThat(page.locator("#not-certified-notice-smart-display")).hasCount(0);
        screenshot("household-device-works-with");

        // The admin revokes the pair with a reason; the dialog says what it touches (this one camera)
        switchUser();
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        open("compatibility");
        page.locator("#compatibility-search input").fill(code);
        // the search refreshes the grid: a button clicked before that belongs to a row that is gone
        assertThat(page.locator("#compatibility-grid")).not().containsText("LC-CAM-2", RENDERED);
        assertThat(page.locator("#compatibility-grid")).containsText("certified for 2026.10", RENDERED);
        page.locator("#revoke-" + entry + " >> visible=true").click();
        assertThat(page.locator("#revoke-certification-dialog")).containsText("one device in one household");
        assertThat(page.locator("#revoke-certification-confirm")).isDisabled();
        String reason = "Stream stutters on smart displays after the October cache " + code.substring(code.length() - 4);
        page.locator("#revoke-certification-reason textarea").fill(reason);
        page.locator("#revoke-certification-confirm").click();
        assertThat(page.locator("#revoke-certification-dialog")).hasCount(0);
        assertThat(page.locator("#compatibility-grid")).containsText("Revoked", RENDERED);
        assertThat(page.locator("#compatibility-grid")).containsText(reason, RENDERED);
        assertThat(page.locator("#revoke-" + entry + " >> visible=true")).hasCount(0);

        // The household reads why its camera is not shown on smart displays
        switchUser();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        open("home/devices/" + cameraId);
        assertThat(page.locator("#works-with-smart-display")).containsText("Revoked");
        assertThat(page.locator("#not-certified-notice-smart-display"))
                .hasText("Not shown on Smart display until the platform certifies it again: " + reason);
        // and the list of where it may be shown no longer names the household's smart displays
        assertThat(page.locator("#household-device")).not().containsText("Kitchen display");
        screenshot("household-device-revoked");
    }

    /** The grid keeps the cells of rows a filter hid: only what is rendered counts. */
    private static final LocatorAssertions.ContainsTextOptions RENDERED = new LocatorAssertions.ContainsTextOptions()
            .setUseInnerText(true);

    /** Picks the option with exactly this label from a combo box. */
    private void choose(String comboBox, String label) {
        page.locator(comboBox + " input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        assertThat(page.locator(comboBox + " input")).hasValue(label);
    }

    private String modelOf(long deviceId) {
        return jdbc.queryForObject("select model_code from device where id = ?", String.class, deviceId);
    }

    private HttpResponse<String> sync(List<Synced> devices) {
        return lumacamCloud.put("/accounts/" + external + "/devices", devices.stream()
                .map(d -> "{\"id\":" + json(d.id()) + ",\"kind\":" + json(d.kind()) + ",\"name\":" + json(d.name())
                        + ",\"model\":" + (d.model() == null ? "null" : json(d.model())) + "}")
                .collect(Collectors.joining(",", "{\"devices\":[", "]}")));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
