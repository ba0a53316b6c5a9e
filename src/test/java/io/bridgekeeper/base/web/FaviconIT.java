package io.bridgekeeper.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's icon is served to anyone, also to a browser that asks for {@code /favicon.ico} (it was a 404). */
@IntegrationTest
class FaviconIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void favicon_ico_leads_to_the_portals_icon_without_a_sign_in() throws Exception {
        HttpResponse<String> icon = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.uri().getPath()).isEqualTo("/icons/bridgekeeper.svg");
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(icon.body()).startsWith("<svg");
    }
}
