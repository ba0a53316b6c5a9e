package io.bridgekeeper.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.device.DeviceFilter;
import io.bridgekeeper.device.DeviceKind;
import io.bridgekeeper.device.DeviceService;
import io.bridgekeeper.link.LinkService;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Seeds 200,000 households, 1,000,000 devices and 1,000,000 audit events ({@link LargeDataSet}, printing the
 * seed's time by phase), then prints the server time of devices and links grid
 * page fetches (p50/p95 over repeated calls of the services the grids call). A benchmark, not a test
 * that times out: it prints figures. Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LargeScaleBenchmark}
 * (set {@code BENCH_HOUSEHOLDS} to change the size).
 */
@IntegrationTest
class LargeScaleBenchmark {

    static final int PAGE = 50;
    static final int RUNS = 60;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeviceService devices;
    @Autowired
    LinkService links;
    @Autowired
    UserDetailsService users;

    @Test
    void seed_and_measure_grid_pages() {
        int households = LargeDataSet.households();
        System.out.printf("%nSEED into PostgreSQL %s, collation %s%n", jdbc.queryForObject("show server_version", String.class),
                jdbc.queryForObject("""
                        select case datlocprovider when 'b' then 'builtin ' || datlocale when 'i' then 'icu ' || datlocale
                               else 'libc ' || datcollate end
                        from pg_database where datname = current_database()""", String.class));
        LargeDataSet.Seeded seeded = LargeDataSet.seed(jdbc, households, LargeDataSet.auditEvents(households));
        long deviceCount = jdbc.queryForObject("select count(*) from device", Long.class);
        long householdCount = jdbc.queryForObject("select count(*) from account where kind = 'HOUSEHOLD'", Long.class);
        long auditCount = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        System.out.printf("%nSEED: %,d households, %,d devices, %,d audit events in the database; bulk load took %,d ms%n"
                + "SEED phases: %s%n", householdCount, deviceCount, auditCount, seeded.millis(), seeded.phases());
        assertThat(deviceCount).isGreaterThanOrEqualTo(households * 5L);

        long lumacam = jdbc.queryForObject("select id from vendor where slug = 'lumacam'", Long.class);
        String someOwner = "bench" + String.format("%07d", households / 2) + "@example.com";
        PartnerApi.as(users, DemoAccounts.ADMIN, () -> {
            measure("devices: first page, no filter", () -> devices.devices(DeviceFilter.none(), PageRequest.of(0, PAGE)).getNumberOfElements());
            measure("devices: page 100 (offset 5,000)", () -> devices.devices(DeviceFilter.none(), PageRequest.of(100, PAGE)).getNumberOfElements());
            // a scrolling grid reaches a deep page by key: after the last id of the page before it
            for (int page : deepPages(deviceCount)) {
                long after = lastIdBefore("device", page);
                measure("devices: page %,d by key".formatted(page), () -> devices.devices(DeviceFilter.none(),
                        PageRequest.of(page, PAGE), after).getNumberOfElements());
            }
            int deepest = deepPages(deviceCount).getLast();
            measure("devices: page %,d by offset".formatted(deepest), () -> devices.devices(DeviceFilter.none(),
                    PageRequest.of(deepest, PAGE)).getNumberOfElements());
            measure("devices: vendor + kind", () -> devices.devices(new DeviceFilter(lumacam, DeviceKind.CAMERA, null, null),
                    PageRequest.of(0, PAGE)).getNumberOfElements());
            measure("devices: state DISABLED", () -> devices.devices(new DeviceFilter(null, null, null, io.bridgekeeper.device.DeviceState.DISABLED),
                    PageRequest.of(0, PAGE)).getNumberOfElements());
            measure("devices: owner e-mail", () -> devices.devices(new DeviceFilter(null, null, someOwner, null),
                    PageRequest.of(0, PAGE)).getNumberOfElements());
            measure("links: first page, no search", () -> links.search(null, PageRequest.of(0, PAGE)).getNumberOfElements());
            long linkCount = jdbc.queryForObject("select count(*) from account_link", Long.class);
            for (int page : deepPages(linkCount)) {
                long after = lastIdBefore("account_link", page);
                measure("links: page %,d by key".formatted(page), () -> links.search(null,
                        PageRequest.of(page, PAGE), after).getNumberOfElements());
            }
            int deepestLink = deepPages(linkCount).getLast();
            measure("links: page %,d by offset".formatted(deepestLink), () -> links.search(null,
                    PageRequest.of(deepestLink, PAGE)).getNumberOfElements());
            measure("links: e-mail prefix", () -> links.search("bench01", PageRequest.of(0, PAGE)).getNumberOfElements());
            measure("links: external id prefix", () -> links.search("bench-1999", PageRequest.of(0, PAGE)).getNumberOfElements());
            return null;
        });
        PartnerApi.as(users, DemoAccounts.CAMERA_PARTNER, () -> {
            measure("devices: partner (own vendor)", () -> devices.devices(DeviceFilter.none(), PageRequest.of(0, PAGE)).getNumberOfElements());
            return null;
        });
    }

    /** Page 100 and page 10,000, or the last full page when the table holds fewer rows. */
    private static List<Integer> deepPages(long rows) {
        int last = (int) Math.min(10_000, rows / PAGE - 1);
        return last > 100 ? List.of(100, last) : List.of(last);
    }

    /** The id a grid remembers at the end of the page before {@code page}, newest first. */
    private long lastIdBefore(String table, int page) {
        return jdbc.queryForObject("select id from " + table + " order by id desc offset ? limit 1", Long.class,
                (long) page * PAGE - 1);
    }

    private static void measure(String what, IntSupplier fetch) {
        for (int i = 0; i < 5; i++) {
            fetch.getAsInt(); // warm-up
        }
        List<Long> micros = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            rows = fetch.getAsInt();
            micros.add((System.nanoTime() - t) / 1_000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("BENCH %-34s rows %3d   p50 %7.2f ms   p95 %7.2f ms%n", what, rows,
                sorted[sorted.length / 2] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1000.0);
        assertThat(Arrays.stream(sorted).min().orElse(0)).isPositive();
    }
}
