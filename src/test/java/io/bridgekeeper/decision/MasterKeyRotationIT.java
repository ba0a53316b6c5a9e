package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.secrets.SealedSecretException;
import io.bridgekeeper.secrets.SecretSealer;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.SecondNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotation of the master key (docs/secrets.md): a node started with a new current key re-encrypts
 * every sealed secret under it; the signing secrets themselves do not change, so cache keys issued
 * before still verify, beside the signing-secret rotation's verify-only secret; the old key can then
 * be removed; a node with a missing or wrong key refuses to start and changes nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MasterKeyRotationIT {

    static final CacheKeys.Claims CLAIMS = new CacheKeys.Claims(11, 22, 33, 4, 55);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretSealer sealer;
    @Autowired
    DecisionState state;
    @Autowired
    SigningSecretService signingSecrets;
    @Autowired
    RunAs runAs;
    @Autowired
    HikariDataSource dataSource;
    @Autowired
    Environment env;

    @Test
    void a_new_master_key_re_encrypts_every_secret_and_cache_keys_signed_before_still_verify() {
        String issuedBeforeSigningRotation = state.cacheKeys().issue(CLAIMS);
        // the signing secret's own rotation: the old secret verifies only, the new one signs
        String kid = runAs.as(DemoAccounts.ADMIN, signingSecrets::rotate);
        await().atMost(Duration.ofSeconds(10)).until(() -> kid.equals(state.cacheKeys().activeKid()));
        String issuedBeforeMasterRotation = state.cacheKeys().issue(CLAIMS);
        assertThat(state.cacheKeys().verify(issuedBeforeSigningRotation)).isEqualTo(valid());

        Map<String, String> sealedBefore = sealedValues();
        assertThat(sealedBefore).hasSizeGreaterThanOrEqualTo(4);
        Map<String, byte[]> plainBefore = new LinkedHashMap<>();
        sealedBefore.forEach((row, sealed) -> plainBefore.put(row, sealer.unseal(sealed)));
        String[] keys = testKeys();

        // the new key t2 becomes current on a node that still holds t1: its start re-encrypts
        try (ConfigurableApplicationContext node2 = SecondNode.start(dataSource, "rotation-node-2",
                "--bridgekeeper.secrets.master-key=" + keys[1] + "," + keys[0])) {
            Map<String, String> sealedAfter = sealedValues();
            assertThat(sealedAfter.keySet()).containsAll(sealedBefore.keySet());
            sealedAfter.forEach((row, sealed) -> assertThat(sealer.keyIdOf(sealed)).as(row).isEqualTo("t2"));
            sealedBefore.forEach((row, sealed) -> {
                assertThat(sealedAfter.get(row)).as(row).isNotEqualTo(sealed);
                assertThat(sealer.unseal(sealedAfter.get(row))).as(row).isEqualTo(plainBefore.get(row));
            });
            assertThat(jdbc.sql("""
                    select count(*) from audit_event where action = 'SECRETS_RESEALED' and target_id = 't2'
                      and actor_type = 'SYSTEM'
                    """).query(Long.class).single()).isGreaterThanOrEqualTo(1);

            CacheKeys node2Keys = node2.getBean(DecisionState.class).cacheKeys();
            assertThat(node2Keys.verify(issuedBeforeSigningRotation)).isEqualTo(valid());
            assertThat(node2Keys.verify(issuedBeforeMasterRotation)).isEqualTo(valid());
            assertThat(node2Keys.activeKid()).isEqualTo(kid);
        }
        // this node holds both keys: it reloaded the re-encrypted secrets and still verifies the old keys
        await().atMost(Duration.ofSeconds(10)).until(() ->
                state.cacheKeys().verify(issuedBeforeSigningRotation).equals(valid())
                        && state.cacheKeys().verify(issuedBeforeMasterRotation).equals(valid()));

        // the old key can go: a node that holds only t2 starts and verifies what was signed before
        try (ConfigurableApplicationContext node3 = SecondNode.start(dataSource, "rotation-node-3",
                "--bridgekeeper.secrets.master-key=" + keys[1])) {
            CacheKeys node3Keys = node3.getBean(DecisionState.class).cacheKeys();
            assertThat(node3Keys.verify(issuedBeforeSigningRotation)).isEqualTo(valid());
            assertThat(node3Keys.verify(issuedBeforeMasterRotation)).isEqualTo(valid());
        }
    }

    @Test
    void a_node_with_a_missing_or_wrong_master_key_refuses_to_start_and_changes_nothing(CapturedOutput output) {
        Map<String, String> before = sealedValues();

        assertThatThrownBy(() -> SecondNode.start(dataSource, "keyless-node",
                "--bridgekeeper.secrets.master-key=zz:" + randomKey()).close())
                .rootCause().isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("which this node does not have").hasMessageContaining("[zz]");

        // the right ids with other bytes: no garbage, a refusal naming the row it could not unseal
        assertThatThrownBy(() -> SecondNode.start(dataSource, "wrong-key-node",
                "--bridgekeeper.secrets.master-key=t1:" + randomKey() + ",t2:" + randomKey()).close())
                .rootCause().isInstanceOf(SealedSecretException.class)
                .hasMessageContaining("Cannot unseal").hasMessageContaining("the key is wrong");

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("Secrets sealed at rest: Cannot unseal");
        assertThat(sealedValues()).isEqualTo(before);
    }

    private static CacheKeys.Verified valid() {
        return new CacheKeys.Verified(CacheKeys.Check.VALID, CLAIMS);
    }

    /** Every sealed value in the database, by table and row. */
    private Map<String, String> sealedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select 'cache_key_secret ' || kid as row, sealed_secret as sealed from cache_key_secret "
                        + "union all select 'vendor ' || id, webhook_secret from vendor order by 1")
                .query((rs, i) -> values.put(rs.getString("row"), rs.getString("sealed"))).list();
        return values;
    }

    /** The tests' ring, "t1:...,t2:..." (src/test/resources/config/application.properties). */
    private String[] testKeys() {
        String[] keys = env.getRequiredProperty("bridgekeeper.secrets.master-key").split(",");
        assertThat(keys).hasSize(2);
        assertThat(keys[0]).startsWith("t1:");
        assertThat(keys[1]).startsWith("t2:");
        return keys;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
