package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import io.bridgekeeper.demo.DemoAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each role's main pages as a person sees them, at laptop (1440×900) and phone (390×844) size, in the
 * light and the dark color scheme (the portal follows the system's), and in German: a screenshot of each
 * under target/screenshots/tour/ to look at, and the checks a screenshot review would otherwise make by
 * eye — the page never scrolls sideways, in dark mode the page is dark, and a German browser sees no
 * English in the page's own words (headings, buttons, labels, menu, column headers, badges).
 */
class ScreenshotTourE2E extends PortalTest {

    private static final int[][] SIZES = {{1440, 900}, {390, 844}};

    @Autowired
    JdbcTemplate jdbc;

    /** Words of English that the German portal never writes, and that the demo's own data (device names) does not hold. */
    private static final Set<String> ENGLISH = Set.of("the", "and", "to", "with", "is", "are", "this", "will", "your",
            "not", "has", "been", "what", "who", "when", "which", "of", "for", "from", "no", "vendor", "vendors",
            "household", "households", "device", "devices", "overview", "incidents", "deliveries", "delivery", "suspend",
            "suspended", "save", "cancel", "close", "search", "sign", "shown", "refused", "waiting", "approve", "request",
            "unlink", "linked", "open", "new", "add", "history", "settings", "version", "versions", "stage", "stages");

    /** The page's own words: what a translation must cover, without the data it shows. */
    private static final String OWN_WORDS = """
            () => { const t = [];
              const add = e => { const s = (e.innerText ?? e.textContent ?? '').trim(); if (s) t.push(s); };
              document.querySelectorAll('h1, h2, h3, h4, vaadin-button, vaadin-side-nav-item, label, vaadin-tab, '
                  + 'vaadin-details-summary, [slot=label], [slot=helper], [theme~=badge], #navbar-title').forEach(add);
              // placeholders, but not an example value (an e-mail address, a URL): those are data, not words
              document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(e => {
                  if (!/@|:\\/\\//.test(e.placeholder)) t.push(e.placeholder); });
              document.querySelectorAll('vaadin-grid').forEach(g => g.shadowRoot?.querySelectorAll('thead slot')
                  .forEach(s => s.assignedElements().forEach(add)));
              return t; }""";

    private final List<String> problems = new ArrayList<>();

    private void tour(String role, Map<String, String> pages) {
        tour(role, pages, List.of(ColorScheme.LIGHT, ColorScheme.DARK), "");
    }

    private void tour(String role, Map<String, String> pages, List<ColorScheme> schemes, String language) {
        for (ColorScheme scheme : schemes) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                pages.forEach((name, path) -> {
                    open(path);
                    assertThat(page.locator("[role=main]")).isVisible();
                    page.waitForLoadState();
                    String shot = role + "-" + name + "-" + size[0] + "-" + scheme.name().toLowerCase() + language;
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "tour", shot + ".png")));
                    Number overflow = (Number) page.evaluate(
                            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (overflow.intValue() > 0) {
                        problems.add(shot + ": scrolls sideways by " + overflow + " px");
                    }
                    if (!language.isEmpty()) {
                        @SuppressWarnings("unchecked")
                        List<String> words = (List<String>) page.evaluate(OWN_WORDS);
                        words.stream().filter(text -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                                .anyMatch(ENGLISH::contains)).distinct()
                                .forEach(text -> problems.add(shot + ": English in a German page: \"" + text + "\""));
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
        visitEachRole(pages -> tour(pages.getKey(), pages.getValue()));
    }

    /** A German browser (de-DE, Berlin): the portal speaks German, and German's longer words still fit a phone. */
    @Test
    void a_german_browser_gets_each_roles_main_pages_in_german() {
        BrowserContext german = Browsers.newContext("de-DE", "Europe/Berlin");
        try {
            page.close();
            page = german.newPage();
            visitEachRole(pages -> tour(pages.getKey(), pages.getValue(), List.of(ColorScheme.LIGHT), "-de"));
        } finally {
            german.close();
            page = context.newPage();
        }
    }

    private void visitEachRole(Consumer<Map.Entry<String, Map<String, String>>> tour) {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        long rollout = jdbc.queryForObject("select min(id) from rollout", Long.class);
        long camera = jdbc.queryForObject("select d.id from device d join account a on a.id = d.owner_account_id "
                + "where a.email = ? and d.kind = 'CAMERA' order by d.id limit 1", Long.class, DemoAccounts.HOUSEHOLD);

        open("login");
        tour.accept(Map.entry("anonymous", Map.of("sign-in", "login")));

        signInAndWait(DemoAccounts.ADMIN, "admin-overview");
        Map<String, String> admin = new LinkedHashMap<>();
        admin.put("overview", "admin");
        admin.put("vendors", "admin/vendors");
        admin.put("vendor", "vendors/" + lumacam);
        admin.put("rollout", "rollouts/" + rollout);
        admin.put("incidents", "admin/incidents");
        admin.put("audit", "audit");
        admin.put("compatibility", "compatibility");
        tour.accept(Map.entry("admin", admin));

        signOut();
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        Map<String, String> partner = new LinkedHashMap<>();
        partner.put("vendors", "partner/vendors");
        partner.put("rollouts", "partner/rollouts");
        partner.put("webhooks", "partner/webhooks");
        tour.accept(Map.entry("partner", partner));

        signOut();
        signInAndWait(DemoAccounts.HOUSEHOLD, "my-home");
        Map<String, String> household = new LinkedHashMap<>();
        household.put("home", "home");
        household.put("camera", "home/devices/" + camera);
        household.put("compatibility", "compatibility");
        tour.accept(Map.entry("household", household));

        assertThat(problems).isEmpty();
    }

    /** Another person at the same browser, in whichever browser context this test's page lives. */
    private void signOut() {
        BrowserContext current = page.context();
        page.close();
        current.clearCookies();
        page = current.newPage();
    }
}
