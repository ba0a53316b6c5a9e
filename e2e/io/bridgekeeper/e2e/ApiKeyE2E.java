package io.bridgekeeper.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner manager creates a vendor API key in the portal (issue 17): the key is shown whole, once,
 * with Copy; Escape does not lose it; only "I have stored the key" closes it; and the key works.
 */
class ApiKeyE2E extends PortalTest {

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void a_new_api_key_is_shown_once_with_copy_and_cannot_be_lost_by_escape() throws Exception {
        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        signInAndWait(DemoAccounts.CAMERA_PARTNER, "partner-vendors");
        open("vendors/" + lumacam);
        page.locator("#create-api-key").click();
        page.locator("#api-key-name input").fill("e2e sync worker " + System.nanoTime());
        page.locator("#api-key-create").click();

        assertThat(page.locator("#api-key-secret-warning")).containsText("You will not see it again");
        String key = page.locator("#api-key-secret textarea").inputValue();
        org.assertj.core.api.Assertions.assertThat(key).startsWith("bk_");
        page.locator("#api-key-secret-copy").click();
        assertThat(page.locator("#api-key-secret-copy")).hasText(Pattern.compile("Copied|Selected: press Ctrl\\+C"));
        page.keyboard().press("Escape");
        assertThat(page.locator("#api-key-secret")).isVisible();
        screenshot("api-key-once");
        page.locator("#api-key-done").click();
        assertThat(page.locator("#api-key-secret")).hasCount(0);

        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/partner/v1/me"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(me.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(me.body()).contains("lumacam");
    }
}
