package io.bridgekeeper.audit;

import io.bridgekeeper.webhook.WebhookAuditAction;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;
import io.bridgekeeper.base.AuditActor;

@IntegrationTest
class AuditSearchIT {

    @Autowired
    AuditSearch search;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    /** An event by a household on a demo vendor, with its e-mail in the after-state and an address. */
    record HouseholdEvent(long id, String email) {
    }

    HouseholdEvent householdEventOn(String vendorSlug) {
        TestData data = new TestData(jdbc);
        long household = data.household("Search test household");
        String email = data.email(household);
        long vendor = data.vendorId(vendorSlug);
        String target = TestData.unique("t");
        // the actor is the household, as if it had unlinked in the portal from 203.0.113.9: written the way
        // AuditLog writes (chain lock, previous hash, audit_event_hash), so the chain stays intact
        Long id = tx.execute(s -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", 0x6175646974L);
            return jdbc.queryForObject("""
                with prev as (select coalesce((select hash from audit_event order by id desc limit 1), repeat('0', 64)) as h),
                     e as (select date_trunc('microseconds', now()) as at, 'ACCOUNT'::varchar as actor_type,
                                  ?::varchar as actor_id, ?::varchar as actor_name,
                                  'TEST_HOUSEHOLD_ACTION'::varchar as action, 'account_link'::varchar as target_type,
                                  ?::varchar as target_id, ?::bigint as vendor_id, '{"status":"LIVE"}'::jsonb as b,
                                  jsonb_build_object('status', 'ENDED', 'email', ?::text, 'note', 'asked by ' || ?::text) as a,
                                  '203.0.113.9'::varchar as client)
                insert into audit_event (occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id,
                    vendor_id, before_state, after_state, client_address, prev_hash, hash)
                select e.at, e.actor_type, e.actor_id, e.actor_name, e.action, e.target_type, e.target_id, e.vendor_id,
                       e.b, e.a, e.client, prev.h,
                       audit_event_hash(prev.h, e.at, e.actor_type, e.actor_id, e.actor_name, e.action, e.target_type,
                                        e.target_id, e.vendor_id, e.b, e.a, e.client)
                from e, prev
                returning id
                """, Long.class, String.valueOf(household), email, target, vendor, email, email);
        });
        return new HouseholdEvent(id, email);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_webhook_deliverys_failed_attempts_fold_into_its_row_and_show_one_by_one_when_asked_for() {
        long vendor = new TestData(jdbc).vendorId("sensora");
        String delivery = TestData.unique("9");
        AuditActor dispatcher = AuditActor.system("webhook dispatcher (fold test)");
        tx.executeWithoutResult(s -> {
            audit.record(dispatcher, WebhookAuditAction.WEBHOOK_QUEUED, "webhook_delivery", delivery, vendor, null,
                    Map.of("status", "PENDING"));
            for (int i = 1; i <= 3; i++) {
                audit.record(dispatcher, WebhookAuditAction.WEBHOOK_ATTEMPT_FAILED, "webhook_delivery", delivery, vendor,
                        Map.of("status", "PENDING"), Map.of("status", "RETRYING", "attempt", i));
            }
            audit.record(dispatcher, WebhookAuditAction.WEBHOOK_DELIVERED, "webhook_delivery", delivery, vendor,
                    Map.of("status", "RETRYING"), Map.of("status", "ACKNOWLEDGED"));
        });
        AuditFilter byActor = new AuditFilter("system: webhook dispatcher (fold test)", null, null, null, null, null, null);

        // browsing: one row per event of the delivery itself, each saying how many attempts it folds
        assertThat(search.page(byActor, PageRequest.of(0, 50)).getContent())
                .extracting(AuditEntry::action, AuditEntry::foldedSteps)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WEBHOOK_DELIVERED", 3L),
                        org.assertj.core.groups.Tuple.tuple("WEBHOOK_QUEUED", 3L));
        // asking for the action, or for the delivery, shows every attempt
        assertThat(search.page(byActor.withAction("WEBHOOK_ATTEMPT_FAILED"), PageRequest.of(0, 50)).getContent()).hasSize(3);
        assertThat(search.page(byActor.withTarget("webhook_delivery", delivery), PageRequest.of(0, 50)).getContent())
                .hasSize(5);
        // the delivery's story, as its detail shows it, and the export keep every event
        assertThat(search.trail("webhook_delivery", delivery)).extracting(AuditEntry::action).containsExactly(
                "WEBHOOK_QUEUED", "WEBHOOK_ATTEMPT_FAILED", "WEBHOOK_ATTEMPT_FAILED", "WEBHOOK_ATTEMPT_FAILED",
                "WEBHOOK_DELIVERED");
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        assertThat(search.exportCsv(byActor, csv)).isEqualTo(5);
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void filters_combine_and_pages_say_whether_more_follow_without_counting() {
        long vendor = new TestData(jdbc).vendorId("sensora");
        String target = TestData.unique("search");
        for (int i = 0; i < 5; i++) {
            int n = i;
            tx.executeWithoutResult(s -> audit.record(AuditActor.system("search test"), TestAuditAction.TEST_SEARCH, "widget",
                    target, vendor, Map.of("n", n), Map.of("n", n + 1)));
        }
        AuditFilter filter = new AuditFilter("system: search test", "TEST_SEARCH", "widget", target, vendor,
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));

        Slice<AuditEntry> first = search.page(filter, PageRequest.of(0, 3));
        Slice<AuditEntry> second = search.page(filter, PageRequest.of(1, 3));

        assertThat(first.getContent()).hasSize(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.getContent()).hasSize(2);
        assertThat(second.hasNext()).isFalse();
        assertThat(first.getContent().getFirst().id()).isGreaterThan(first.getContent().get(1).id());
        assertThat(first.getContent()).allSatisfy(e -> assertThat(e.vendorName()).isEqualTo("Sensora"));
        assertThat(search.page(filter.withVendor(new TestData(jdbc).vendorId("lumacam")), PageRequest.of(0, 3))
                .getContent()).isEmpty();
        assertThat(search.page(new AuditFilter(null, null, null, null, null, null, Instant.parse("2000-01-01T00:00:00Z")),
                PageRequest.of(0, 3)).getContent()).isEmpty();
        assertThat(search.actions()).contains("TEST_SEARCH");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = search.exportCsv(filter, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(rows).isEqualTo(5);
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", AuditSearch.CSV_HEADER));
        assertThat(lines.get(1)).contains("TEST_SEARCH").contains("\"{\"\"n\"\": 4}\"");
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void an_admin_sees_everything_including_households_and_addresses() {
        HouseholdEvent event = householdEventOn("brightway");

        AuditEntry seen = search.find(event.id()).orElseThrow();

        assertThat(seen.actorName()).isEqualTo(event.email());
        assertThat(seen.clientAddress()).isEqualTo("203.0.113.9");
        assertThat(seen.after()).contains(event.email());
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_partner_manager_sees_only_their_vendors_events_without_personal_data() {
        HouseholdEvent mine = householdEventOn("lumacam");
        HouseholdEvent theirs = householdEventOn("brightway");

        assertThat(search.find(theirs.id())).isEmpty();
        AuditEntry seen = search.find(mine.id()).orElseThrow();
        assertThat(seen.actorName()).startsWith("Household #").doesNotContain("@");
        assertThat(seen.clientAddress()).isNull();
        assertThat(seen.after()).doesNotContain(mine.email()).contains(AuditScope.REDACTED);
        assertThat(search.vendors()).extracting(VendorOption::slug).containsExactly("lumacam");

        long lumacam = new TestData(jdbc).vendorId("lumacam");
        assertThat(search.page(AuditFilter.NONE, PageRequest.of(0, 200)).getContent())
                .allSatisfy(e -> assertThat(e.vendorId()).isEqualTo(lumacam));
        assertThat(search.page(new AuditFilter(mine.email(), null, null, null, null, null, null), PageRequest.of(0, 5))
                .getContent()).as("no finding a household's events by its e-mail").isEmpty();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        search.exportCsv(AuditFilter.NONE.withAction("TEST_HOUSEHOLD_ACTION"), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain(mine.email()).doesNotContain(theirs.email()).doesNotContain("203.0.113.9");
    }
}
