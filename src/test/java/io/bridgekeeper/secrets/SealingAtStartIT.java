package io.bridgekeeper.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.Application;
import io.bridgekeeper.support.SecondNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * What happens at start-up, each on a database of its own: an upgrade from a version that kept
 * secrets in clear leaves none in clear after the first start; without a configured key the
 * embedded demo database gets a development key file, the production profile a refusal.
 */
@ExtendWith(OutputCaptureExtension.class)
class SealingAtStartIT {

    @TempDir
    Path home;

    @Test
    void the_first_start_after_the_upgrade_seals_every_secret_written_in_clear_before_it() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
             HikariDataSource ds = dataSource(postgres)) {
            // the schema as the last version before sealing left it, with its secrets in clear
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("70").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            Map<String, byte[]> clear = new LinkedHashMap<>();
            jdbc.sql("select kid, secret from cache_key_secret").query((rs, i) ->
                    clear.put("cache_key_secret " + rs.getString("kid"), rs.getBytes("secret"))).list();
            for (String slug : List.of("old-cams", "old-lights")) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                String hex = HexFormat.of().formatHex(secret);
                long id = jdbc.sql("insert into vendor (slug, name, status, webhook_secret) values (:slug, :slug, 'ACTIVE', "
                        + ":secret) returning id").param("slug", slug).param("secret", hex).query(Long.class).single();
                clear.put("vendor " + id, hex.getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(clear).hasSize(3);
            List<String> beforeStart = new ArrayList<>();
            SecretDump.dump(jdbc).forEach((table, text) -> beforeStart.addAll(SecretDump.findIn(table, text, clear)));
            assertThat(beforeStart).as("the search sees the secrets while they are in clear").hasSizeGreaterThanOrEqualTo(3);

            try (ConfigurableApplicationContext node = SecondNode.start(ds, "upgraded-node")) {
                SecretSealer sealer = node.getBean(SecretSealer.class);
                Map<String, String> sealed = new LinkedHashMap<>();
                jdbc.sql("select 'cache_key_secret ' || kid as row, sealed_secret as value from cache_key_secret "
                                + "union all select 'vendor ' || id, webhook_secret from vendor")
                        .query((rs, i) -> sealed.put(rs.getString("row"), rs.getString("value"))).list();
                assertThat(sealed).containsOnlyKeys(clear.keySet());
                clear.forEach((row, secret) -> assertThat(sealer.unseal(sealed.get(row))).as(row).isEqualTo(secret));
                assertThat(jdbc.sql("select count(*) from cache_key_secret where secret is not null")
                        .query(Long.class).single()).isZero();

                List<String> found = new ArrayList<>();
                SecretDump.dump(jdbc).forEach((table, text) -> found.addAll(SecretDump.findIn(table, text, clear)));
                assertThat(found).as("secrets in clear after the first start").isEmpty();
                assertThat(jdbc.sql("select count(*) from pg_constraint where conname in ('cache_key_secret_sealed', "
                        + "'vendor_webhook_secret_sealed') and convalidated").query(Long.class).single()).isEqualTo(2);
                assertThat(jdbc.sql("select after_state::text from audit_event where action = 'SECRETS_RESEALED'")
                        .query(String.class).single()).contains("\"sealedFromClear\": 2").contains("\"sealedFromClear\": 1");
            }
        }
    }

    @Test
    void without_a_key_the_embedded_database_gets_a_development_key_file_and_production_refuses_to_start(
            CapturedOutput output) {
        Path devKey = home.resolve(".bridgekeeper").resolve("master-key");
        assertThatThrownBy(() -> startEmbedded(devKey, "--spring.profiles.active=production").close())
                .rootCause().isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("No master key configured (the production profile is on)");
        assertThat(devKey).doesNotExist();

        try (ConfigurableApplicationContext app = startEmbedded(devKey)) {
            assertThat(devKey).exists();
            assertThat(output.getAll()).contains("No master key configured: generated the development key file " + devKey);
            assertThat(app.getBean(SecretSealer.class).currentKeyId()).startsWith("dev-");
        }
    }

    /** The whole application on an embedded database of its own, with no master key configured. */
    private static ConfigurableApplicationContext startEmbedded(Path devKey, String... extra) {
        SecurityContextHolderStrategy first = SecurityContextHolder.getContextHolderStrategy();
        List<String> args = new ArrayList<>(List.of("--bridgekeeper.secrets.master-key=",
                "--bridgekeeper.secrets.dev-key-file=" + devKey, "--bridgekeeper.demo-data=false",
                "--bridgekeeper.node-id=dev-key-node", "--bridgekeeper.db.pool-size=3", "--server.port=0",
                "--spring.main.banner-mode=off", "--bridgekeeper.webhooks.sweep-enabled=false"));
        args.addAll(List.of(extra));
        try {
            return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        } finally {
            SecurityContextHolder.setContextHolderStrategy(first);
        }
    }

    private static HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(3);
        return ds;
    }
}
