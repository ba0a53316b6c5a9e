package io.bridgekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.AuditActor;
import io.bridgekeeper.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogIT {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void each_event_carries_the_hash_of_the_one_before() {
        long first = tx.execute(s -> audit.record(AuditActor.system("test"), TestAuditAction.TEST_FIRST, "test", 1, null,
                null, Map.of("a", 1)));
        long second = tx.execute(s -> audit.record(AuditActor.system("test"), TestAuditAction.TEST_SECOND, "test", 2, null,
                Map.of("a", 1), Map.of("a", 2)));

        String firstHash = jdbc.queryForObject("select hash from audit_event where id = ?", String.class, first);
        String secondPrev = jdbc.queryForObject("select prev_hash from audit_event where id = ?", String.class, second);
        assertThat(secondPrev).isEqualTo(firstHash).hasSize(64);
    }

    @Test
    void the_database_refuses_update_and_delete_of_audit_events() {
        long id = tx.execute(s -> audit.record(AuditActor.system("test"), TestAuditAction.TEST_IMMUTABLE, "test", 3, null, null, null));

        assertThatThrownBy(() -> jdbc.update("update audit_event set action = 'FORGED' where id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select action from audit_event where id = ?", String.class, id))
                .isEqualTo("TEST_IMMUTABLE");
    }

    @Test
    void an_event_is_only_written_inside_the_change_it_records() {
        assertThatThrownBy(() -> audit.record(AuditActor.system("test"), TestAuditAction.TEST_ALONE, "test", 4, null, null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void a_rolled_back_change_leaves_no_event() {
        Long before = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        tx.executeWithoutResult(s -> {
            audit.record(AuditActor.system("test"), TestAuditAction.TEST_ROLLBACK, "test", 5, null, null, null);
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'TEST_ROLLBACK'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(before);
    }
}
