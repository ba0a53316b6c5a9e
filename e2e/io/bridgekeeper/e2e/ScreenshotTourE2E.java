package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.bridgekeeper.demo.DemoAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each role's main pages as a person sees them, at laptop (1440×900) and phone (390×844) size, in the
 * light and the dark color scheme (the portal follows the system's): a screenshot of each under
 * target/screenshots/tour/ to look at, and two checks a screenshot review would otherwise make by eye —
 * the page never scrolls sideways, and in dark mode the page is dark.
 */
class ScreenshotTourE2E extends PortalTest {

    private static final int[][] SIZES = {{1440, 900}, {390, 844}};

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> problems = new ArrayList<>();

    private void tour(String role, Map<String, String> pages) {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                pages.forEach((name, path) -> {
                    open(path);
                    assertThat(page.locator("[role=main]")).isVisible();
                    page.waitForLoadState();
                    String shot = role + "-" + name + "-" + size[0] + "-" + scheme.name().toLowerCase();
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "tour", shot + ".png")));
                    Number overflow = (Number) page.evaluate(
                            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow.intValue() > 0) {
                        problems.add(shot + ": scrolls sideways by " + overflow + " px");
                    }
                    if (scheme == ColorScheme.DARK) {
                        Number light = (Number) page.evaluate("""
                                () => { const c = getComputedStyle(document.querySelector('[role=main]').closest('vaadin-app-layout')
                                            ?? document.body).backgroundColor.match(/\\d+(\\.\\d+)?/g).map(Number);
                                        return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255; }""");
                        if (light.doubleValue() > 0.35) {
                            problems.add(shot + ": background is light (" + light + ") in dark mode");
                        }
                    }
                });
            }
        }
    }

    @Test
    void each_roles_main_pages_fit_a_phone_and_follow_the_dark_scheme() {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        long rollout = jdbc.queryForObject("select min(id) from rollout", Long.class);
        long camera = jdbc.queryForObject("select d.id from device d join account a on a.id = d.owner_account_id "
                + "where a.email = ? and d.kind = 'CAMERA' order by d.id limit 1", Long.class, DemoAccounts.HOUSEHOLD);

        open("login");
        tour("anonymous", Map.of("sign-in", "login"));

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        Map<String, String> admin = new LinkedHashMap<>();
        admin.put("overview", "admin");
        admin.put("vendors", "admin/vendors");
        admin.put("vendor", "vendors/" + lumacam);
        admin.put("rollout", "rollouts/" + rollout);
        admin.put("incidents", "admin/incidents");
        admin.put("audit", "audit");
        tour("admin", admin);

        switchUser();
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        Map<String, String> partner = new LinkedHashMap<>();
        partner.put("vendors", "partner/vendors");
        partner.put("rollouts", "partner/rollouts");
        partner.put("webhooks", "partner/webhooks");
        tour("partner", partner);

        switchUser();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        Map<String, String> household = new LinkedHashMap<>();
        household.put("home", "home");
        household.put("camera", "home/devices/" + camera);
        tour("household", household);

        assertThat(problems).isEmpty();
    }
}
