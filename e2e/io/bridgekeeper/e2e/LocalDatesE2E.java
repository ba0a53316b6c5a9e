package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.bridgekeeper.demo.DemoAccounts;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dates in the person's own format and time zone, as their browser says: the same camera page read from a
 * German browser in Berlin and a British one on UTC.
 */
class LocalDatesE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;

    private static String expected(Timestamp at, Locale locale, String zone) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.MEDIUM, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale);
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneId.of(zone)).format(at.toInstant());
    }

    @Test
    void a_cameras_page_writes_its_dates_in_the_browsers_language_and_zone() {
        long camera = jdbc.queryForObject("select d.id from device d join account a on a.id = d.owner_account_id "
                + "where a.email = ? and d.kind = 'CAMERA' order by d.id limit 1", Long.class, DemoAccounts.HOUSEHOLD);
        Timestamp since = jdbc.queryForObject("select owner_since from device where id = ?", Timestamp.class, camera);

        for (String[] browser : new String[][] {{"de-DE", "Europe/Berlin"}, {"en-GB", "UTC"}, {"en-US", "America/New_York"}}) {
            Locale locale = Locale.forLanguageTag(browser[0]);
            try (BrowserContext context = Browsers.newContext(browser[0], browser[1])) {
                Page p = context.newPage();
                p.navigate(url("login"));
                p.locator("input[name='username']").fill(DemoAccounts.HOUSEHOLD);
                p.locator("input[name='password']").fill(DemoAccounts.PASSWORD);
                p.locator("vaadin-login-form vaadin-button").first().click();
                assertThat(p.locator("#my-home")).isVisible();
                p.navigate(url("home/devices/" + camera));
                assertThat(p.locator("#household-device .device-facts")).containsText(
                        expected(since, locale, browser[1]));
            }
        }
    }
}
