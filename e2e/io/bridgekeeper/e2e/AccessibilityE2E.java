package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.bridgekeeper.demo.DemoAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core, run in each role's main pages as the person sees them: no serious or critical violation of
 * WCAG 2.1 A/AA or axe's best practices, and every page has one main landmark. The development-mode
 * tooling (Vaadin's dev tools and Copilot) is not the product and is excluded. Pages named with a view
 * id wait for that view; the others for the main landmark.
 */
class AccessibilityE2E extends PortalTest {

    private static final String AXE = axeScript();

    /** Violations are listed per page with the rule, its impact and up to five elements. */
    private static final String RUN_AXE = """
            async () => {
              const r = await axe.run({ exclude: [['vaadin-dev-tools'], ['copilot-main'], ['vaadin-devmode-gizmo']] },
                  { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
              return r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical' || v.id === 'landmark-one-main')
                  .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.slice(0, 5).map(n => JSON.stringify(n.target)).join(', '));
            }""";

    @Autowired
    JdbcTemplate jdbc;

    private static String axeScript() {
        String path = "axe.min.js"; // from com.deque.html.axe-core:playwright
        try (InputStream in = AccessibilityE2E.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens each page, waits for its view, runs axe; returns the violations by page. */
    private Map<String, List<String>> check(Map<String, String> pathsToViewIds) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        pathsToViewIds.forEach((path, viewId) -> {
            open(path);
            assertThat(page.locator(viewId == null ? "[role=main]" : "#" + viewId)).isVisible();
            page.waitForLoadState();
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
            @SuppressWarnings("unchecked")
            List<String> violations = new ArrayList<>((List<String>) page.evaluate(RUN_AXE));
            if (!violations.isEmpty()) {
                found.put(path, violations);
            }
        });
        return found;
    }

    @Test
    void an_admins_main_pages_have_no_serious_accessibility_violation() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        long rollout = jdbc.queryForObject("select min(id) from rollout", Long.class);
        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("admin", "admin-overview");
        pages.put("admin/vendors", "vendors-view");
        pages.put("vendors/" + lumacam, "vendor-view");
        pages.put("admin/rollouts", "rollouts-view");
        pages.put("rollouts/" + rollout, "rollout-view");
        pages.put("admin/incidents", "incidents-view");
        pages.put("audit", "audit-view");
        pages.put("admin/links", null);
        pages.put("admin/devices", null);
        pages.put("admin/webhooks", null);
        pages.put("admin/decision-api", null);
        assertThat(check(pages)).isEmpty();
    }

    @Test
    void a_partner_managers_main_pages_have_no_serious_accessibility_violation() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("partner/vendors", "partner-vendors");
        pages.put("vendors/" + lumacam, "vendor-view");
        pages.put("partner/rollouts", "rollouts-view");
        pages.put("partner/webhooks", "partner-webhooks");
        pages.put("partner/links", null);
        pages.put("partner/devices", null);
        assertThat(check(pages)).isEmpty();
    }

    @Test
    void a_households_main_pages_have_no_serious_accessibility_violation() {
        long camera = jdbc.queryForObject("select d.id from device d join account a on a.id = d.owner_account_id "
                + "where a.email = ? and d.kind = 'CAMERA' order by d.id limit 1", Long.class, DemoAccounts.HOUSEHOLD);
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "my-home");
        pages.put("home/devices/" + camera, "household-device");
        pages.put("home/devices/999999999", "not-available");
        assertThat(check(pages)).isEmpty();
    }

    @Test
    void the_sign_in_page_has_no_serious_accessibility_violation() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("login", "login-form");
        assertThat(check(pages)).isEmpty();
        // and it looks as its users see it: no development-mode tools (BRIDGEKEEPER_DEV_TOOLS is off by default)
        assertThat(page.locator("vaadin-dev-tools, copilot-main")).hasCount(0);
    }
}
