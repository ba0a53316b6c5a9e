package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.bridgekeeper.demo.DemoAccounts;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each role's home works on a laptop and on a phone-sized window: on the phone the menu folds into
 * the drawer toggle and the content still fits. Screenshots land in target/screenshots/.
 */
class ResponsiveHomesE2E extends PortalTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({
        DemoAccounts.ADMIN + ", 1280, 800, admin-overview",
        DemoAccounts.CAMERA_PARTNER + ", 1280, 800, partner-vendors",
        DemoAccounts.HOUSEHOLD + ", 1280, 800, my-home",
        DemoAccounts.ADMIN + ", 390, 844, admin-overview",
        DemoAccounts.CAMERA_PARTNER + ", 390, 844, partner-vendors",
        DemoAccounts.HOUSEHOLD + ", 390, 844, my-home"})
    void each_roles_home_fits_the_window(String email, int width, int height, String home) {
        page.setViewportSize(width, height);
        signInAndWait(email, home);

        boolean phone = width < 600;
        if (phone) {
            assertThat(page.locator("#main-nav")).not().isInViewport();
            page.locator("#drawer-toggle").click();
            assertThat(page.locator("#main-nav")).isInViewport();
            page.keyboard().press("Escape"); // the open drawer covers the toggle, as a modal overlay does
            assertThat(page.locator("#main-nav")).not().isInViewport();
        } else {
            assertThat(page.locator("#main-nav")).isInViewport();
        }
        // nothing wider than the window: no horizontal scrolling of the page
        int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue();
        org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", home + "-" + width + ".png")));
    }
}
