package io.bridgekeeper.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.support.TestSecrets;
import io.bridgekeeper.vendor.Capability;
import io.bridgekeeper.vendor.VendorSuspended;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;

/**
 * What follows {@link VendorSuspended} in the webhook module, with only that module and what it
 * depends on started (no portal, no decision API, no rollouts): the event, published as the vendor
 * module publishes it, queues exactly one SUSPENDED webhook after the commit, and the same event
 * handled again (as Modulith resubmits it after a crash) queues nothing more.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
// the readiness group names the decision module's memory, which this partial context does not start
@Import(VendorSuspendedModuleIT.KeepSharedStrategy.class)
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class VendorSuspendedModuleIT {

    /**
     * Starting this second application context makes Vaadin install its security-context strategy as
     * the JVM-wide one, replacing the strategy of the context every other test shares (whose method
     * security reads its own): {@link KeepSharedStrategy} notes the shared one while this context is
     * built, and it is put back afterwards, or later tests' sign-ins would go unseen.
     */
    private static SecurityContextHolderStrategy shared;

    @Autowired
    JdbcTemplate jdbc;

    @TestConfiguration
    static class KeepSharedStrategy {
        KeepSharedStrategy() {
            shared = SecurityContextHolder.getContextHolderStrategy();
        }
    }

    @AfterAll
    static void restoreTheSharedStrategy() {
        SecurityContextHolder.setContextHolderStrategy(shared);
    }

    @Test
    void a_suspension_queues_one_webhook_to_the_vendor_even_when_the_event_comes_twice(Scenario scenario) {
        String slug = "module-" + UUID.randomUUID().toString().substring(0, 8);
        long vendorId = jdbc.queryForObject("insert into vendor (slug, name, status, webhook_secret) "
                + "values (?, ?, 'SUSPENDED', ?) returning id", Long.class, slug, "Module " + slug,
                TestSecrets.sealed("secret"));
        long suspensionId = 900_000_000L + vendorId;
        VendorSuspended suspended = new VendorSuspended(vendorId, slug, suspensionId, false,
                Set.of(Capability.SNAPSHOT), "PRIVACY_LEAK", "strangers' snapshots", null, Instant.now());

        scenario.publish(suspended)
                .andWaitForStateChange(() -> deliveries(vendorId), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));

        // (its status is the dispatcher's business from here: this vendor has no endpoint, so it retries)
        Map<String, Object> row = jdbc.queryForMap("select event_type, dedupe_key, payload::text as payload "
                + "from webhook_delivery where vendor_id = ?", vendorId);
        assertThat(row).containsEntry("event_type", "SUSPENDED")
                .containsEntry("dedupe_key", "suspension:" + suspensionId + ":SUSPENDED");
        assertThat((String) row.get("payload")).contains("\"capabilities\": [\"SNAPSHOT\"]", "strangers' snapshots");

        scenario.publish(suspended)
                .andWaitForStateChange(() -> handled(suspensionId), n -> n >= 2)
                .andVerify(n -> assertThat(deliveries(vendorId)).as("handled again: deduplicated").isEqualTo(1));
    }

    /** How often the webhook module's listener has finished with this suspension (the registry records it). */
    private long handled(long suspensionId) {
        return jdbc.queryForObject("select count(*) from event_publication where listener_id like '%VendorStatusWebhooks%' "
                + "and completion_date is not null and serialized_event like ?", Long.class,
                "%\"suspensionId\":" + suspensionId + ",%");
    }

    private long deliveries(long vendorId) {
        return jdbc.queryForObject("select count(*) from webhook_delivery where vendor_id = ?", Long.class, vendorId);
    }
}
