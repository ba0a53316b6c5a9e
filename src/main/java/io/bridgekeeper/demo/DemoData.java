package io.bridgekeeper.demo;

import io.bridgekeeper.base.db.DatabaseMode;
import io.bridgekeeper.secrets.SecretSealer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A realistic first look: five vendors (one camera vendor with many cameras), two admins, a
 * partner manager per vendor and 300 households with platform displays and linked devices.
 * Seeded once into an empty database: always on the embedded default, on a configured server
 * only with {@code bridgekeeper.demo-data=true}. Deterministic, so tests can rely on it.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int HOUSEHOLDS = 300;

    private static final String[] SURNAMES = {"Smith", "Jensen", "Okafor", "Novak", "García", "Kowalski",
        "Nguyen", "Müller", "Rossi", "Haddad", "Larsen", "Silva", "Tanaka", "Dubois", "Ivanova", "Patel",
        "O'Brien", "Andersen", "Moreau", "Yilmaz", "Costa", "Fischer", "Kim", "Mensah", "Lindqvist"};
    private static final String[] CAMERA_NAMES = {"Front door camera", "Garden camera", "Nursery camera",
        "Garage camera", "Living room camera", "Driveway camera", "Backyard camera", "Hallway camera"};
    private static final String[] LIGHT_NAMES = {"Hallway light", "Kitchen light", "Desk lamp", "Porch light",
        "Bedroom light", "Reading lamp", "Ceiling light"};
    private static final String[] SENSOR_NAMES = {"Window sensor", "Motion sensor", "Leak sensor",
        "Smoke sensor", "Door sensor", "Temperature sensor"};
    private static final String[] DISPLAY_NAMES = {"Kitchen display", "Living room display", "Bedroom display"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final boolean enabled;
    private final SecretSealer sealer;
    private final DemoCanaries canaries;

    DemoData(JdbcTemplate jdbc, TransactionTemplate tx, PasswordEncoder encoder, Clock clock, DatabaseMode mode,
             @Value("${bridgekeeper.demo-data:}") String demoData, SecretSealer sealer, DemoCanaries canaries) {
        this.jdbc = jdbc;
        this.canaries = canaries;
        this.sealer = sealer;
        this.tx = tx;
        this.encoder = encoder;
        this.clock = clock;
        this.enabled = demoData.isBlank() ? mode == DatabaseMode.EMBEDDED : Boolean.parseBoolean(demoData);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Long accounts = jdbc.queryForObject("select count(*) from account", Long.class);
        if (accounts != null && accounts > 0) {
            log.info("Demo data: the database already has accounts; nothing seeded");
            return;
        }
        long started = System.nanoTime();
        tx.executeWithoutResult(status -> seed());
        log.info("Demo data seeded in {} ms", (System.nanoTime() - started) / 1_000_000);
        printAccounts();
    }

    private void seed() {
        Instant now = clock.instant();
        String hash = encoder.encode(DemoAccounts.PASSWORD);
        Random random = new Random(20191226L);

        long lumacam = vendor("lumacam", "LumaCam", "ACTIVE", "https://hooks.lumacam.example/bridgekeeper",
                random, "CAMERA_STREAM", "SNAPSHOT", "CONTROL");
        long brightway = vendor("brightway", "Brightway Lighting", "ACTIVE",
                "https://api.brightway.example/webhooks/platform", random, "CONTROL");
        long ironbolt = vendor("ironbolt", "IronBolt Locks", "ACTIVE", "https://ironbolt.example/hooks", random,
                "CONTROL");
        long sensora = vendor("sensora", "Sensora", "ACTIVE", "https://cloud.sensora.example/platform-events", random,
                "CONTROL", "SNAPSHOT");
        vendor("nimbus-climate", "Nimbus Climate", "ONBOARDING", null, random, "CONTROL");

        long firstAdmin = 0;
        long lightsPartner = 0;
        for (String[] staff : DemoAccounts.STAFF) {
            long id = account(staff[0], staff[1], "STAFF", hash, staff[2]);
            if (staff[3] != null) {
                jdbc.update("insert into vendor_partner_manager (vendor_id, account_id) "
                        + "select id, ? from vendor where slug = ?", id, staff[3]);
            }
            if (staff[0].equals(DemoAccounts.ADMIN)) {
                firstAdmin = id;
            }
            if (staff[0].equals(DemoAccounts.LIGHTS_PARTNER)) {
                lightsPartner = id;
            }
        }

        List<Object[]> devices = new ArrayList<>();
        for (int h = 1; h <= HOUSEHOLDS; h++) {
            String surname = SURNAMES[(h - 1) % SURNAMES.length];
            long account = account(String.format("household%03d@example.com", h), "The " + surname + " household",
                    "HOUSEHOLD", hash, "END_USER");
            Instant since = now.minus(Duration.ofDays(30 + random.nextInt(700)));
            int displays = 1 + random.nextInt(2);
            for (int k = 0; k < displays; k++) {
                devices.add(new Object[] {null, "display-" + h + "-" + (k + 1), "DISPLAY", DISPLAY_NAMES[k], account,
                    null, Timestamp.from(since)});
            }
            if (h == HOUSEHOLDS) {
                continue; // one household has only platform displays, nothing linked
            }
            if (h <= 5 || random.nextDouble() < 0.55) {
                long link = link(account, lumacam, "lc-" + (100000 + h), since.plus(Duration.ofDays(2)));
                int cameras = h <= 2 ? 3 : 1 + random.nextInt(4);
                for (int c = 0; c < cameras; c++) {
                    devices.add(new Object[] {lumacam, "LC-" + h + "-CAM" + c, "CAMERA", CAMERA_NAMES[(h + c) % CAMERA_NAMES.length],
                        account, link, Timestamp.from(since.plus(Duration.ofDays(2)))});
                }
                if (h <= 2 || random.nextBoolean()) {
                    devices.add(new Object[] {lumacam, "LC-" + h + "-BELL", "DOORBELL", "Doorbell", account, link,
                        Timestamp.from(since.plus(Duration.ofDays(2)))});
                }
            }
            if (h == 1 || random.nextDouble() < 0.5) {
                long link = link(account, brightway, "bw-" + (5000 + h), since.plus(Duration.ofDays(5)));
                int lights = 2 + random.nextInt(5);
                for (int c = 0; c < lights; c++) {
                    devices.add(new Object[] {brightway, "bw-" + h + "-" + c, "LIGHT", LIGHT_NAMES[c % LIGHT_NAMES.length],
                        account, link, Timestamp.from(since.plus(Duration.ofDays(5)))});
                }
            }
            if (random.nextDouble() < 0.3) {
                long link = link(account, ironbolt, "ib-" + h, since.plus(Duration.ofDays(9)));
                int locks = 1 + random.nextInt(2);
                for (int c = 0; c < locks; c++) {
                    devices.add(new Object[] {ironbolt, "IB" + h + "L" + c, "LOCK", c == 0 ? "Front door lock" : "Back door lock",
                        account, link, Timestamp.from(since.plus(Duration.ofDays(9)))});
                }
            }
            if (random.nextDouble() < 0.4) {
                long link = link(account, sensora, "sn-" + h, since.plus(Duration.ofDays(12)));
                int sensors = 2 + random.nextInt(4);
                for (int c = 0; c < sensors; c++) {
                    devices.add(new Object[] {sensora, "sn-" + h + "-" + c, "SENSOR", SENSOR_NAMES[c % SENSOR_NAMES.length],
                        account, link, Timestamp.from(since.plus(Duration.ofDays(12)))});
                }
            }
        }
        jdbc.batchUpdate("""
                insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state,
                                    owner_since, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)
                """, devices.stream().map(d -> new Object[] {d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[6], d[6]})
                .toList());
        jdbc.update("""
                insert into device_ownership (device_id, owner_account_id, link_id, link_epoch, started_at, start_reason)
                select d.id, d.owner_account_id, d.link_id, case when d.link_id is null then null else 1 end,
                       d.owner_since, case when d.link_id is null then 'CREATED' else 'LINKED' end
                from device d
                """);

        // Cache versions: a stable one per vendor; Brightway is rolling out its next version
        for (long vendor : List.of(lumacam, brightway, ironbolt, sensora)) {
            jdbc.update("insert into cache_version (vendor_id, label, description, stable, created_at) "
                    + "values (?, '2026.10', 'October image and state cache', true, ?)", vendor, Timestamp.from(now.minus(Duration.ofDays(40))));
        }
        jdbc.update("insert into cache_version (vendor_id, label, description, stable, created_at) "
                + "values (?, '2026.11', 'Shorter cache lifetime for snapshots', false, ?)", lumacam, Timestamp.from(now.minus(Duration.ofDays(3))));
        jdbc.update("insert into cache_version (vendor_id, label, description, stable, created_at) "
                + "values (?, '2026.11', 'Faster state sync for light groups', false, ?)", brightway, Timestamp.from(now.minus(Duration.ofDays(6))));
        Long rollout = jdbc.queryForObject("""
                insert into rollout (vendor_id, from_version_id, to_version_id, state, salt, current_stage, bake_seconds,
                                     min_deliveries, error_rate_threshold, no_data_seconds, created_by, created_at,
                                     submitted_at, decided_by, decided_at, started_at, stage_started_at)
                select ?, f.id, t.id, 'RUNNING', ?, 1, 3600, 500, 0.02, 900, ?, ?, ?, ?, ?, ?, ?
                from cache_version f, cache_version t
                where f.vendor_id = ? and f.stable and t.vendor_id = ? and not t.stable
                returning id
                """, Long.class, brightway, salt(random), lightsPartner,
                Timestamp.from(now.minus(Duration.ofDays(2))), Timestamp.from(now.minus(Duration.ofDays(2))), firstAdmin,
                Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now.minus(Duration.ofHours(20))),
                Timestamp.from(now.minus(Duration.ofHours(4))), brightway, brightway);
        int[] percents = {1, 5, 25, 50, 100};
        for (int i = 0; i < percents.length; i++) {
            jdbc.update("insert into rollout_stage (rollout_id, stage_index, percent, started_at, completed_at) values (?, ?, ?, ?, ?)",
                    rollout, i, percents[i],
                    i <= 1 ? Timestamp.from(now.minus(Duration.ofHours(i == 0 ? 20 : 4))) : null,
                    i == 0 ? Timestamp.from(now.minus(Duration.ofHours(4))) : null);
        }
        // Brightway's telemetry of the new version so far: a few deliveries a minute, rare errors, and
        // (on purpose) fewer than the 500-delivery sample the 5 % stage needs before it advances by itself
        List<Object[]> minutes = new java.util.ArrayList<>();
        Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (int m = 20 * 60; m >= 1; m--) {
            long deliveries = m > 4 * 60 ? random.nextInt(2) : 1 + random.nextInt(2);
            long errors = random.nextInt(120) == 0 ? 1 : 0;
            minutes.add(new Object[] {Timestamp.from(minute.minus(Duration.ofMinutes(m))), deliveries,
                    Math.min(errors, deliveries)});
        }
        jdbc.batchUpdate("insert into telemetry (vendor_id, cache_version_id, minute, source, deliveries, errors) "
                + "select r.vendor_id, r.to_version_id, ?, 'VENDOR', ?, ? from rollout r where r.id = " + rollout, minutes);
        compatibility(lumacam, firstAdmin, now);
        canaries.seed(lumacam, "lumacam", firstAdmin, now);
    }

    /**
     * LumaCam's two models: its camera certified on smart displays and the app for 2026.10 (not yet for the 2026.11
     * it has registered, so a rollout of it warns), its doorbell declared and awaiting certification. Platform
     * displays are smart displays.
     */
    private void compatibility(long lumacam, long admin, Instant now) {
        jdbc.update("update device set surface_code = 'smart-display' where vendor_id is null and kind = 'DISPLAY'");
        Timestamp at = Timestamp.from(now.minus(Duration.ofDays(20)));
        Long camera = jdbc.queryForObject("insert into device_model (vendor_id, code, name, kind, capabilities, registered_at) "
                + "values (?, 'LC-CAM-2', 'LumaCam Indoor 2', 'CAMERA', '{CAMERA_STREAM,SNAPSHOT}', ?) returning id",
                Long.class, lumacam, at);
        Long bell = jdbc.queryForObject("insert into device_model (vendor_id, code, name, kind, capabilities, registered_at) "
                + "values (?, 'LC-BELL-1', 'LumaCam Doorbell', 'DOORBELL', '{CAMERA_STREAM,SNAPSHOT,CONTROL}', ?) returning id",
                Long.class, lumacam, at);
        Long stable = jdbc.queryForObject("select id from cache_version where vendor_id = ? and label = '2026.10'",
                Long.class, lumacam);
        for (String[] e : new String[][] {{"smart-display", "CAMERA_STREAM"}, {"smart-display", "SNAPSHOT"},
                {"mobile-app", "CAMERA_STREAM"}, {"mobile-app", "SNAPSHOT"}, {"speaker-screen", "SNAPSHOT"}}) {
            jdbc.update("insert into compatibility (model_id, surface_code, capability, since_version_id, declared_at) "
                    + "values (?, ?, ?, ?, ?)", camera, e[0], e[1], stable, at);
        }
        jdbc.update("insert into compatibility (model_id, surface_code, capability, since_version_id, declared_at) "
                + "values (?, 'smart-display', 'CAMERA_STREAM', ?, ?)", bell, stable, at);
        for (String surface : List.of("smart-display", "mobile-app", "speaker-screen")) {
            jdbc.update("insert into certification (model_id, surface_code, cache_version_id, status, certified_at, "
                    + "certified_by) values (?, ?, ?, 'CERTIFIED', ?, ?)", camera, surface, stable,
                    Timestamp.from(now.minus(Duration.ofDays(18))), admin);
        }
        jdbc.update("update device set model_code = case kind when 'CAMERA' then 'LC-CAM-2' else 'LC-BELL-1' end "
                + "where vendor_id = ? and kind in ('CAMERA', 'DOORBELL') and vendor_device_id like 'LC-%'", lumacam);
    }

    private long vendor(String slug, String name, String status, String webhook, Random random, String... capabilities) {
        Long id = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_url, webhook_secret) "
                + "values (?, ?, ?, ?, ?) returning id", Long.class, slug, name, status, webhook,
                sealer.seal(salt(random) + salt(random)));
        for (String capability : capabilities) {
            jdbc.update("insert into vendor_capability (vendor_id, capability) values (?, ?)", id, capability);
        }
        return id;
    }

    private long account(String email, String name, String kind, String hash, String role) {
        Long id = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, ?, ?, ?) returning id", Long.class, email, name, hash, kind);
        jdbc.update("insert into account_role (account_id, role) values (?, ?)", id, role);
        return id;
    }

    private long link(long account, long vendor, String external, Instant at) {
        Long id = jdbc.queryForObject("insert into account_link (account_id, vendor_id, external_account_id, status, "
                + "epoch, linked_at) values (?, ?, ?, 'LIVE', 1, ?) returning id", Long.class,
                account, vendor, external, Timestamp.from(at));
        jdbc.update("insert into link_epoch_event (link_id, epoch, event, occurred_at, actor_id) values (?, 1, 'LINKED', ?, ?)",
                id, Timestamp.from(at), account);
        return id;
    }

    private static String salt(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void printAccounts() {
        StringBuilder sb = new StringBuilder("\n\n  Bridgekeeper demo accounts (password for all: ")
                .append(DemoAccounts.PASSWORD).append(")\n");
        for (String[] staff : DemoAccounts.STAFF) {
            sb.append(String.format("    %-18s %-28s %s%n", staff[2], staff[0],
                    staff[3] == null ? staff[1] : staff[1] + ", vendor " + staff[3]));
        }
        sb.append(String.format("    %-18s %-28s %s%n", "END_USER", "household001@example.com",
                "… household300@example.com (" + HOUSEHOLDS + " households)"));
        log.info(sb.toString());
    }
}
