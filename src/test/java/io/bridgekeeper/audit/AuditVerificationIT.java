package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;
import io.bridgekeeper.demo.DemoAccounts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chain's tamper evidence. Tests that tamper restore the row exactly (the hash covers every
 * column, so the restored row verifies again): the database is shared by every test of the run.
 */
@IntegrationTest
class AuditVerificationIT {

    @Autowired
    AuditVerification verification;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    long event(String action) {
        return tx.execute(s -> audit.record(AuditActor.system("verification test"), TestAuditAction.valueOf(action), "test", 1, null,
                Map.of("state", "A"), Map.of("state", "B")));
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void an_untouched_chain_is_reported_intact_through_its_last_event() {
        long last = event("TEST_VERIFY_INTACT");

        ChainVerification result = verification.verify();

        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.intactThroughId()).isGreaterThanOrEqualTo(last);
        assertThat(result.summary()).startsWith("Audit chain intact through event");
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_row_altered_with_the_trigger_disabled_is_found_with_its_id() {
        long before = event("TEST_TAMPER_BEFORE");
        long victim = event("TEST_TAMPER_VICTIM");
        event("TEST_TAMPER_AFTER");
        try {
            tamper("update audit_event set after_state = '{\"state\": \"FORGED\"}' where id = " + victim);

            ChainVerification result = verification.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.brokenEventId()).isEqualTo(victim);
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.HASH_MISMATCH);
            assertThat(result.intactThroughId()).isEqualTo(before);
            assertThat(result.summary()).contains("BROKEN at event " + victim).contains("altered");
        } finally {
            tamper("update audit_event set after_state = '{\"state\": \"B\"}' where id = " + victim);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    @WithUserDetails(value = DemoAccounts.ADMIN, setupBefore = TestExecutionEvent.TEST_METHOD)
    void a_forger_who_rehashes_the_altered_row_breaks_the_link_to_the_next_one() {
        long victim = event("TEST_REHASH_VICTIM");
        long next = event("TEST_REHASH_NEXT");
        String originalHash = jdbc.queryForObject("select hash from audit_event where id = ?", String.class, victim);
        try {
            tamper("update audit_event set action = 'FORGED', hash = audit_event_hash(prev_hash, occurred_at, "
                    + "actor_type, actor_id, actor_name, 'FORGED', target_type, target_id, vendor_id, before_state, "
                    + "after_state, client_address) where id = " + victim);

            ChainVerification result = verification.verify();

            assertThat(result.brokenEventId()).isEqualTo(next);
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.PREV_HASH_MISMATCH);
            assertThat(result.intactThroughId()).isEqualTo(victim);
        } finally {
            tamper("update audit_event set action = 'TEST_REHASH_VICTIM', hash = '" + originalHash + "' where id = "
                    + victim);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void two_writers_in_parallel_keep_one_chain() throws Exception {
        int writers = 4;
        int eachWrites = 25;
        long from = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < eachWrites; i++) {
                        int n = i;
                        tx.executeWithoutResult(s -> audit.record(AuditActor.system("writer " + writer),
                                TestAuditAction.TEST_PARALLEL, "test", n, null, null, Map.of("writer", writer, "n", n)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST_PARALLEL' and id > ?",
                Long.class, from)).isEqualTo((long) writers * eachWrites);
        assertThat(jdbc.queryForList("select prev_hash from audit_event group by prev_hash having count(*) > 1",
                String.class)).as("two events with the same predecessor would be a fork").isEmpty();
        assertThat(new AuditChainReader(jdbc).verify().intact()).isTrue();
    }

    @Test
    @WithUserDetails(value = DemoAccounts.CAMERA_PARTNER, setupBefore = TestExecutionEvent.TEST_METHOD)
    void only_an_admin_may_run_the_verification_in_the_portal() {
        assertThatThrownBy(() -> verification.verify()).isInstanceOf(AccessDeniedException.class);
    }

    private void tamper(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.execute("alter table audit_event disable trigger audit_event_no_update");
            jdbc.execute(sql);
            jdbc.execute("alter table audit_event enable trigger audit_event_no_update");
        });
    }

    /** The verification without a signed-in admin, as the {@code --audit-verify} command runs it. */
    record AuditChainReader(JdbcTemplate jdbc) {
        ChainVerification verify() {
            return new AuditChain(jdbc, java.time.Clock.systemUTC(), new AuditArchiveFiles("")).verify();
        }
    }
}
