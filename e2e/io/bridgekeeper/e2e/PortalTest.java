package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the E2E tests: the app runs on a random port over its own fresh embedded PostgreSQL, and
 * each test gets a new browser context (no shared cookies) in a real Chromium. A failing test
 * leaves a screenshot under target/e2e-screenshots/.
 */
@IntegrationTest
@ExtendWith(PortalTest.ScreenshotOnFailure.class)
abstract class PortalTest {

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    /**
     * One browser context for the run, so the portal's scripts stay in its HTTP cache; each test
     * starts signed out (cookies cleared) in a page of its own.
     */
    @BeforeEach
    void openBrowser() {
        context = Browsers.sharedContext();
        context.clearCookies();
        page = context.newPage();
        page.setViewportSize(1280, 800);
    }

    @AfterEach
    void closeBrowser() {
        page.close();
        context.clearCookies();
    }

    /**
     * Another person at the same browser: the page and its session are closed first, then a new page starts
     * without cookies. (Clearing the cookies under a live page made its push connection close from inside the
     * next person's session, which trips an assertion in Vaadin's request handling.)
     */
    void switchUser() {
        page.close();
        context.clearCookies();
        page = context.newPage();
        page.setViewportSize(1280, 800);
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** A full-page screenshot under target/screenshots/, to look at what a person sees. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(java.nio.file.Path.of("target", "screenshots", name + ".png")));
    }

    void open(String path) {
        page.navigate(url(path));
    }

    void signIn(String email) {
        signIn(email, DemoAccounts.PASSWORD);
    }

    void signIn(String email, String password) {
        open("login");
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(password);
        page.locator("vaadin-button[slot='submit'], vaadin-login-form vaadin-button").first().click();
    }

    /** Signs in and waits until the role's home page is shown. */
    void signInAndWait(String email, String homeId) {
        signIn(email);
        assertThat(page.locator("#" + homeId)).isVisible();
    }

    /**
     * Exact texts, ignoring the white space that Vaadin's templates put around labels. Escaped by
     * hand: Playwright evaluates the pattern in JavaScript, which knows no Pattern.quote.
     */
    static Pattern[] exactly(String... texts) {
        return Arrays.stream(texts).map(t -> Pattern.compile("^\\s*" + t.replaceAll("[\\[\\]().*+?^${}|\\\\]", "\\\\$0") + "\\s*$"))
                .toArray(Pattern[]::new);
    }

    Locator menuItems() {
        return page.locator("#main-nav vaadin-side-nav-item");
    }

    /** The side navigation shows exactly these entries, in this order (rendered text only). */
    void assertMenu(String... titles) {
        assertThat(menuItems()).hasText(exactly(titles), new LocatorAssertions.HasTextOptions().setUseInnerText(true));
    }

    /** Runs before {@code @AfterEach} closes the page. */
    static class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext ctx) {
            if (ctx.getExecutionException().isEmpty()) {
                return;
            }
            ctx.getTestInstance().filter(PortalTest.class::isInstance).map(PortalTest.class::cast)
                    .filter(t -> t.page != null && !t.page.isClosed())
                    .ifPresent(t -> t.page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(
                            Path.of("target", "e2e-screenshots",
                                    ctx.getRequiredTestClass().getSimpleName() + "-" + ctx.getDisplayName()
                                            .replaceAll("[^A-Za-z0-9_-]", "_") + ".png"))));
        }
    }
}
