package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.NodeProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * SIGTERM to a node in a process of its own while 16 requests are in flight: readiness goes DOWN
 * first while the node still answers new requests for the drain delay (the load balancer has not
 * noticed yet), the 16 requests finish with their answers, then the process exits. The requests are held in
 * flight by a lock the test takes on the device table, which every authorization reads.
 */
@IntegrationTest
class GracefulShutdownIT {

    private static final int IN_FLIGHT = 16;

    @Autowired
    DecisionFixture fixture;
    @Autowired
    HikariDataSource dataSource;

    @Test
    void sigterm_with_16_requests_in_flight_cuts_none_of_them() throws Exception {
        Vendor vendor = fixture.vendor("drain");
        Household a = fixture.household(vendor);
        String credential = fixture.credential();
        JsonMapper json = JsonMapper.builder().build();

        try (NodeProcess node = NodeProcess.start(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword(), "drain-node", "--bridgekeeper.db.pool-size=4",
                "--bridgekeeper.shutdown.drain-delay=2s");
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            node.awaitReady(Duration.ofSeconds(120));
            String resolveBody = json.writeValueAsString(java.util.Map.of("vendor", vendor.slug(), "deviceId", a.cameraId()));
            String key = json.readTree(http.send(post(node.url("/api/decision/v1/resolve"), credential, resolveBody),
                    HttpResponse.BodyHandlers.ofString()).body()).path("cacheKey").asString();
            String body = json.writeValueAsString(DecisionClient.authorizeBody(vendor.slug(), a.cameraId(),
                    a.displayId(), a.accountId(), key));
            assertThat(http.send(post(node.url("/api/decision/v1/authorize"), credential, body),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            long terminatedAt;
            int readinessDuringDrain;
            int lateAnswer;
            try (Connection lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                try (Statement st = lock.createStatement()) {
                    // every authorization reads the device table: they all wait for this lock, in flight
                    st.execute("lock table device in access exclusive mode");
                }
                for (int i = 0; i < IN_FLIGHT; i++) {
                    inFlight.add(http.sendAsync(post(node.url("/api/decision/v1/authorize"), credential, body),
                            HttpResponse.BodyHandlers.ofString()));
                }
                awaitWaitingOnTheLock(lock);
                Thread.sleep(500); // the rest of the 16 reach the node and queue behind the waiting read
                assertThat(inFlight).noneMatch(CompletableFuture::isDone);

                node.terminate();
                terminatedAt = System.nanoTime();
                readinessDuringDrain = readiness(http, node);
                // a request that a load balancer sends before it has noticed is still answered, on a new connection
                try (HttpClient fresh = HttpClient.newHttpClient()) {
                    lateAnswer = fresh.send(post(node.url("/api/decision/v1/resolve"), credential, resolveBody),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                }
                Thread.sleep(3_000); // past the drain delay: the web server now waits for the requests in flight
                assertThat(node.isAlive()).as("the node waits for its requests in flight").isTrue();
                lock.commit();
            }

            int ok = 0;
            List<String> cut = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                try {
                    HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                    if (r.statusCode() == 200 && json.readTree(r.body()).path("outcome").asString().equals("ALLOW")) {
                        ok++;
                    } else {
                        cut.add(r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    cut.add(e.toString());
                }
            }
            assertThat(node.waitFor(Duration.ofSeconds(30))).as("the node exits after draining").isTrue();
            long exitedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - terminatedAt);
            System.out.printf("GracefulShutdownIT: SIGTERM at %d in flight: %d answered, %d cut; readiness during "
                    + "the drain %d, a new request during it %d; exited %d ms after SIGTERM (exit code %d)%n", IN_FLIGHT,
                    ok, cut.size(), readinessDuringDrain, lateAnswer, exitedAfter, node.exitValue());
            assertThat(cut).as("requests cut by the shutdown").isEmpty();
            assertThat(ok).isEqualTo(IN_FLIGHT);
            assertThat(readinessDuringDrain).as("readiness right after SIGTERM").isEqualTo(503);
            assertThat(lateAnswer).as("a request arriving during the drain delay").isEqualTo(200);
        }
    }

    /** Until the node's read waits for the test's lock (so requests are truly in flight at the node). */
    private static void awaitWaitingOnTheLock(Connection lock) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Statement st = lock.createStatement();
                 var rs = st.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                         + "and application_name <> 'bridgekeeper-test'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no request reached the database");
    }

    /** Readiness once the node has taken the signal: 503 as soon as it says DOWN, 200 if it never does within 2 s. */
    private static int readiness(HttpClient http, NodeProcess node) throws Exception {
        int status = 0;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2); System.nanoTime() < end; Thread.sleep(50)) {
            status = http.send(HttpRequest.newBuilder(URI.create(node.url("/actuator/health/readiness")))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 503) {
                break;
            }
        }
        return status;
    }

    private static HttpRequest post(String url, String credential, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
