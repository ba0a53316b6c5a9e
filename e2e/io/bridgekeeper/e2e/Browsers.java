package io.bridgekeeper.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Chromium for the whole E2E run: the system's Chromium when there is one (BRIDGEKEEPER_CHROMIUM,
 * or /usr/bin/chromium), Playwright's own browser otherwise.
 */
final class Browsers {

    private static Playwright playwright;
    private static Browser browser;
    private static BrowserContext context;

    private Browsers() {
    }

    static synchronized Browser chromium() {
        if (browser == null) {
            Optional<Path> system = systemChromium();
            Playwright.CreateOptions create = new Playwright.CreateOptions();
            system.ifPresent(p -> create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            playwright = Playwright.create(create);
            BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                    .setHeadless(true)
                    // without these, Chromium's background connections are refused many at a time here
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run"));
            system.ifPresent(launch::setExecutablePath);
            browser = playwright.chromium().launch(launch);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    static synchronized BrowserContext sharedContext() {
        if (context == null) {
            context = newContext();
        }
        return context;
    }

    /**
     * A browser session of its own, as a person in Britain on UTC would have: the portal writes dates in the
     * browser's language and zone, and the tests read them so ("4 Dec 2026, 14:05").
     */
    static BrowserContext newContext() {
        return newContext("en-GB", "UTC");
    }

    static BrowserContext newContext(String locale, String timeZone) {
        BrowserContext c = chromium().newContext(new Browser.NewContextOptions().setLocale(locale).setTimezoneId(timeZone));
        c.setDefaultTimeout(20_000);
        return c;
    }

    private static Optional<Path> systemChromium() {
        String configured = System.getenv("BRIDGEKEEPER_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
