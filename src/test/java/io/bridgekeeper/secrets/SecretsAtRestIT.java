package io.bridgekeeper.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.decision.SigningSecretService;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.NewVendor;
import io.bridgekeeper.vendor.VendorService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 16, item 5: what a reader of the database (a dump of every table) learns of the secrets: nothing. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretSealer sealer;
    @Autowired
    VendorService vendors;
    @Autowired
    SigningSecretService signingSecrets;
    @Autowired
    RunAs runAs;

    @Test
    void a_dump_of_every_table_holds_no_signing_or_webhook_secret_in_clear_nor_do_the_log_and_audit(CapturedOutput output) {
        // a vendor onboarded and a signing secret rotated now, through the services, beside the demo data's
        long vendor = runAs.as(DemoAccounts.ADMIN, () -> vendors.create(new NewVendor(TestData.unique("sealed"),
                "Sealed Cams", Set.of(Capability.SNAPSHOT), "https://hooks.example.com/bk")));
        String kid = runAs.as(DemoAccounts.ADMIN, signingSecrets::rotate);

        Map<String, byte[]> secrets = knownSecrets();
        assertThat(secrets).containsKey("cache_key_secret " + kid).containsKey("vendor " + vendor + " webhook secret")
                .containsKey("cache_key_secret k1");
        assertThat(secrets.keySet().stream().filter(k -> k.startsWith("cache_key_secret"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(secrets.keySet().stream().filter(k -> k.startsWith("vendor"))).hasSizeGreaterThanOrEqualTo(3);

        Map<String, String> dump = SecretDump.dump(jdbc);
        assertThat(dump).containsKeys("cache_key_secret", "vendor", "audit_event", "event_publication", "webhook_delivery");
        // the dump does reach the secrets' rows: their sealed forms are in it
        assertThat(dump.get("cache_key_secret")).contains(sealedSigningSecret(kid));
        assertThat(dump.get("vendor")).contains(jdbc.sql("select webhook_secret from vendor where id = :id")
                .param("id", vendor).query(String.class).single());
        // and the search does find a secret written in any of the encodings it looks for
        byte[] probe = secrets.get("cache_key_secret " + kid);
        for (String form : List.of(HexFormat.of().formatHex(probe).toUpperCase(),
                java.util.Base64.getEncoder().encodeToString(probe),
                java.util.Base64.getUrlEncoder().encodeToString(probe))) {
            assertThat(SecretDump.findIn("probe", "{\"x\":\"" + form + "\"}", secrets)).hasSize(1);
        }

        List<String> found = new ArrayList<>();
        dump.forEach((table, text) -> found.addAll(SecretDump.findIn(table, text, secrets)));
        System.out.printf("SECRETS dump: %d tables, %d rows, %d characters searched for %d secrets in 4 encodings each%n",
                dump.size(), dump.values().stream().mapToLong(t -> t.lines().count()).sum(),
                dump.values().stream().mapToLong(String::length).sum(), secrets.size());
        found.addAll(SecretDump.findIn("the log", output.getAll(), secrets));
        assertThat(found).as("secrets in clear in the database or the log").isEmpty();

        // the changes are on the record, without the secrets (the dump above includes audit_event)
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VENDOR_CREATED' and target_id = :id")
                .param("id", String.valueOf(vendor)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CACHE_KEY_SECRET_ROTATED' and target_id = :kid")
                .param("kid", kid).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_first_signing_secret_from_the_migrations_was_sealed_at_start_and_the_clear_column_is_empty() {
        assertThat(jdbc.sql("select count(*) from cache_key_secret where secret is not null").query(Long.class).single())
                .isZero();
        assertThat(sealedSigningSecret("k1")).matches("bks1:t[12]:[A-Za-z0-9_-]+");
        assertThat(sealer.unseal(sealedSigningSecret("k1"))).hasSize(32);
        // the application validated the constraints after sealing: old rows are checked too now
        assertThat(jdbc.sql("""
                select conname from pg_constraint
                where conname in ('cache_key_secret_sealed', 'vendor_webhook_secret_sealed') and convalidated
                """).query(String.class).list()).containsExactlyInAnyOrder("cache_key_secret_sealed",
                "vendor_webhook_secret_sealed");
    }

    @Test
    void the_database_refuses_a_secret_in_clear() {
        String slug = TestData.unique("clear");
        assertThatThrownBy(() -> jdbc.sql("insert into vendor (slug, name, status, webhook_secret) "
                + "values (:slug, 'Clear', 'ACTIVE', :secret)").param("slug", slug)
                .param("secret", HexFormat.of().formatHex(new byte[32])).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("vendor_webhook_secret_sealed");
        assertThatThrownBy(() -> jdbc.sql("insert into cache_key_secret (kid, secret, status, created_at) "
                + "values ('k999999', :secret, 'RETIRED', now())").param("secret", new byte[32]).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cache_key_secret_sealed");
        long vendor = jdbc.sql("select min(id) from vendor").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update vendor set webhook_secret = 'not-sealed-at-all-but-long-enough-to-pass' "
                + "where id = :id").param("id", vendor).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_sealed_value_does_not_unseal_under_a_key_of_the_same_id_with_other_bytes_nor_when_altered() {
        String sealed = sealer.seal("a webhook secret".getBytes(StandardCharsets.UTF_8));
        SecretSealer impostor = AesGcmSecretSealer.of("t1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> impostor.unseal(sealed)).isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("'t1'").hasMessageContaining("the key is wrong");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> sealer.unseal(altered)).isInstanceOf(SealedSecretException.class);
        // the key id is authenticated too: the same ciphertext presented as t2's does not unseal
        String relabelled = sealed.replaceFirst("^bks1:t1:", "bks1:t2:");
        assertThatThrownBy(() -> sealer.unseal(relabelled)).isInstanceOf(SealedSecretException.class);
        assertThat(sealer.unsealText(sealed)).isEqualTo("a webhook secret");
        assertThat(sealer.seal("same".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(sealer.seal("same".getBytes(StandardCharsets.UTF_8)));
    }

    /** Every signing and webhook secret in the database, unsealed, with a name saying where it lives. */
    private Map<String, byte[]> knownSecrets() {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        jdbc.sql("select kid, sealed_secret from cache_key_secret").query((rs, i) -> {
            secrets.put("cache_key_secret " + rs.getString("kid"), sealer.unseal(rs.getString("sealed_secret")));
            return null;
        }).list();
        jdbc.sql("select id, webhook_secret from vendor").query((rs, i) -> {
            String secret = sealer.unsealText(rs.getString("webhook_secret"));
            // the fixtures' short test secrets ("s", "secret") are not searchable; real ones are 64 hex characters
            if (secret.length() >= 32) {
                secrets.put("vendor " + rs.getLong("id") + " webhook secret", secret.getBytes(StandardCharsets.UTF_8));
                if (secret.matches("[0-9a-f]+")) {
                    secrets.put("vendor " + rs.getLong("id") + " webhook secret bytes", HexFormat.of().parseHex(secret));
                }
            }
            return null;
        }).list();
        return secrets;
    }

    private String sealedSigningSecret(String kid) {
        return jdbc.sql("select sealed_secret from cache_key_secret where kid = :kid").param("kid", kid)
                .query(String.class).single();
    }
}
