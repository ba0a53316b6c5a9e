package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestData;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Decision credentials carry a scope and a rate limit (issue 16): a call or a vendor outside the scope
 * is a 403 problem, a credential over its rate gets 429 with Retry-After (and no other credential is
 * slowed), only an admin sets or changes a scope (audited), and a credential whose requests keep
 * producing owner mismatches is flagged for the Decision API page.
 */
@IntegrationTest
class DecisionCredentialScopeIT {

    @Autowired
    DecisionFixture fixture;
    @Autowired
    ServiceCredentialService credentials;
    @Autowired
    RunAs runAs;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void a_call_or_a_vendor_outside_the_scope_is_a_403_problem() {
        Vendor mine = fixture.vendor("scoped");
        Vendor other = fixture.vendor("unscoped");
        Household h = fixture.household(mine);
        Household o = fixture.household(other);
        String authorizeOnly = create(new CredentialScope(EnumSet.of(DecisionCall.AUTHORIZE), Set.of(mine.id()), 1000));
        String full;
        try (DecisionClient api = new DecisionClient(port, fixture.credential())) {
            full = api.resolve(mine.slug(), h.cameraId()).cacheKey();
        }
        try (DecisionClient api = new DecisionClient(port, authorizeOnly)) {
            Answer resolve = api.resolve(mine.slug(), h.cameraId());
            assertThat(resolve.status()).isEqualTo(403);
            assertThat(resolve.body().path("type").asString()).endsWith("out-of-scope");

            assertThat(api.authorize(mine.slug(), h.cameraId(), h.displayId(), h.accountId(), full).outcome())
                    .isEqualTo("ALLOW");
            Answer otherVendor = api.authorize(other.slug(), o.cameraId(), o.displayId(), o.accountId(), "k");
            assertThat(otherVendor.status()).isEqualTo(403);
            assertThat(otherVendor.body().path("errors").get(0).path("field").asString()).isEqualTo("vendor");
            Answer unknown = api.authorize("no-such-vendor", o.cameraId(), o.displayId(), o.accountId(), "k");
            assertThat(unknown.status()).as("an unknown vendor looks like any vendor outside the scope").isEqualTo(403);
            assertThat(unknown.body().path("detail").asString()).isEqualTo(
                    otherVendor.body().path("detail").asString().replace(other.slug(), "no-such-vendor"));
        }
        // the requests outside the scope were refused before any decision: nothing recorded
        assertThat(jdbc.queryForObject("select count(*) from isolation_violation where vendor_id = ?", Integer.class,
                other.id())).isZero();
    }

    @Test
    void over_its_rate_a_credential_gets_429_with_retry_after_and_no_other_credential_is_slowed() {
        Vendor vendor = fixture.vendor("rate");
        Household h = fixture.household(vendor);
        String slow = create(new CredentialScope(EnumSet.allOf(DecisionCall.class), Set.of(), 2));
        int limited = 0;
        Answer refused = null;
        try (DecisionClient api = new DecisionClient(port, slow)) {
            for (int i = 0; i < 10; i++) {
                Answer a = api.resolve(vendor.slug(), h.cameraId());
                if (a.status() == 429) {
                    limited++;
                    refused = a;
                } else {
                    assertThat(a.status()).isEqualTo(200);
                }
            }
        }
        try (DecisionClient other = new DecisionClient(port, fixture.credential())) {
            for (int i = 0; i < 10; i++) {
                assertThat(other.resolve(vendor.slug(), h.cameraId()).status()).isEqualTo(200);
            }
        }
        System.out.printf("rate limit 2/s: %d of 10 back-to-back requests refused%n", limited);
        assertThat(limited).isGreaterThan(0);
        assertThat(refused.body().path("type").asString()).endsWith("rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 2L));
    }

    @Test
    void only_an_admin_sets_or_changes_a_scope_it_is_audited_and_checked() {
        CredentialScope scope = new CredentialScope(EnumSet.of(DecisionCall.RESOLVE), Set.of(), 50);
        for (String who : new String[] {DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD}) {
            assertThatThrownBy(() -> runAs.as(who, () -> credentials.create(TestData.unique("refused"), scope)))
                    .as(who).isInstanceOf(AccessDeniedException.class);
        }
        long id = runAs.as(DemoAccounts.ADMIN, () -> credentials.create(TestData.unique("scoped"), scope)).id();
        for (String who : new String[] {DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD}) {
            assertThatThrownBy(() -> runAs.as(who, () -> credentials.changeScope(id, CredentialScope.unrestricted())))
                    .as(who).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> credentials.changeScope(id,
                new CredentialScope(Set.of(), Set.of(), 50))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("calls"));
        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> credentials.changeScope(id,
                new CredentialScope(EnumSet.of(DecisionCall.RESOLVE), Set.of(), 0))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("ratePerSecond"));
        assertThatThrownBy(() -> runAs.as(DemoAccounts.ADMIN, () -> credentials.changeScope(id,
                new CredentialScope(EnumSet.of(DecisionCall.RESOLVE), Set.of(-5L), 10))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("vendors"));

        Vendor vendor = fixture.vendor("rescoped");
        runAs.as(DemoAccounts.ADMIN, () -> credentials.changeScope(id,
                new CredentialScope(EnumSet.allOf(DecisionCall.class), Set.of(vendor.id()), 70)));
        ServiceCredentialRow row = runAs.as(DemoAccounts.ADMIN, () -> credentials.list()).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(row.calls()).containsExactlyInAnyOrder(DecisionCall.values());
        assertThat(row.vendorSlugs()).containsExactly(vendor.slug());
        assertThat(row.ratePerSecond()).isEqualTo(70);
        assertThat(jdbc.queryForList("""
                select action from audit_event where target_type = 'service_credential' and target_id = ? order by id""",
                String.class, String.valueOf(id)))
                .containsExactly("SERVICE_CREDENTIAL_CREATED", "SERVICE_CREDENTIAL_SCOPE_CHANGED");
    }

    @Test
    void a_credential_whose_requests_keep_producing_mismatches_is_flagged() {
        Vendor vendor = fixture.vendor("flag");
        Household a = fixture.household(vendor);
        Household b = fixture.household(vendor);
        String key = create(CredentialScope.unrestricted());
        String prefix = key.split("_")[1];
        try (DecisionClient api = new DecisionClient(port, key)) {
            assertThat(api.authorize(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), "made-up").reason())
                    .isEqualTo("OWNER_MISMATCH");
            assertThat(flagOf(prefix)).as("one mismatch is no pattern").isFalse();
            for (int i = 0; i < ServiceCredentialRow.FLAG_MISMATCHES - 1; i++) {
                api.authorize(vendor.slug(), b.cameraId(), a.displayId(), a.accountId(), "made-up");
            }
        }
        assertThat(flagOf(prefix)).isTrue();
    }

    /**
     * Every node reloads its live credentials when another node changes one (NOTIFY), and the node that
     * made the change reloads at its commit. A reload that read before the commit must never land after
     * the one that read after it: a new credential would be refused (401) and a revoked one accepted again
     * until the next change. Here notifications arrive without pause while credentials are made and revoked.
     */
    @Test
    void a_new_credential_is_known_and_a_revoked_one_refused_at_once_while_reloads_race() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread notifier = Thread.ofPlatform().start(() -> {
            // about as many as the node can take (each is a reload), so none pile up for the next test
            while (!stop.get()) {
                jdbc.execute("select pg_notify('bridgekeeper_decision', 'c')");
                LockSupport.parkNanos(2_000_000);
            }
        });
        try {
            for (int i = 0; i < 150; i++) {
                NewServiceCredential made = runAs.as(DemoAccounts.ADMIN,
                        () -> credentials.create(TestData.unique("racing"), CredentialScope.unrestricted()));
                assertThat(credentials.authenticate(made.key())).as("credential %d right after it was made", i)
                        .isPresent();
                runAs.as(DemoAccounts.ADMIN, () -> credentials.revoke(made.id()));
                assertThat(credentials.authenticate(made.key())).as("credential %d right after it was revoked", i)
                        .isEmpty();
            }
        } finally {
            stop.set(true);
            notifier.join();
            fixture.sync();
        }
    }

    private boolean flagOf(String prefix) {
        return runAs.as(DemoAccounts.ADMIN, () -> credentials.list()).stream()
                .filter(r -> r.keyPrefix().equals(prefix)).findFirst().orElseThrow().flagged();
    }

    private String create(CredentialScope scope) {
        return runAs.as(DemoAccounts.ADMIN, () -> credentials.create(TestData.unique("scope test"), scope)).key();
    }
}
