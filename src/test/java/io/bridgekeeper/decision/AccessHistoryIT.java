package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.decision.AccessHistory.DisplayWhere;
import io.bridgekeeper.decision.AccessHistory.Entry;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A camera's access history, from the decision API's own answers over HTTP: its household reads who asked
 * and what was answered, sees its own display by name and another home's display only as "another home";
 * another household reads nothing of it, not even after the camera moved to them; other roles are refused;
 * entries older than the retention are deleted.
 */
@IntegrationTest
class AccessHistoryIT {

    @LocalServerPort
    int port;
    @Autowired
    DecisionFixture fixture;
    @Autowired
    AccessHistory history;
    @Autowired
    AccessLog accessLog;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_household_reads_who_asked_for_its_camera_and_nobody_else_reads_it() {
        Vendor v = fixture.vendor("access");
        Household a = fixture.household(v);
        Household b = fixture.household(v);
        try (DecisionClient decisions = new DecisionClient(port, fixture.credential())) {
            String key = decisions.resolve(v.slug(), a.cameraId()).cacheKey();
            assertThat(decisions.authorize(v.slug(), a.cameraId(), a.displayId(), a.accountId(), key).outcome())
                    .isEqualTo("ALLOW");
            assertThat(decisions.authorize(v.slug(), a.cameraId(), a.displayId(), a.accountId(), key).outcome())
                    .isEqualTo("ALLOW");
            // B's display asks for A's camera with A's genuine key: refused (and evidence of a leak)
            assertThat(decisions.authorize(v.slug(), a.cameraId(), b.displayId(), b.accountId(), key).reason())
                    .isEqualTo("OWNER_MISMATCH");
        }
        accessLog.flush();
        String displayName = jdbc.queryForObject("select name from device where vendor_device_id = ? and vendor_id is null",
                String.class, a.displayId());

        List<Entry> mine = run.as(a.email(), () -> history.ofMyDevice(a.cameraRowId(), 50));
        // (two answers in the same minute are one entry; across a minute's turn, two)
        List<Entry> own = mine.stream().filter(e -> e.where() == DisplayWhere.MINE).toList();
        assertThat(own).allSatisfy(e -> {
            assertThat(e.display()).isEqualTo(displayName);
            assertThat(e.shown()).isTrue();
            assertThat(e.reason()).isNull();
        });
        assertThat(own.stream().mapToLong(Entry::answers).sum()).isEqualTo(2);
        assertThat(mine.stream().filter(e -> e.where() != DisplayWhere.MINE).toList()).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo(DisplayWhere.ANOTHER_HOME);
            assertThat(e.display()).as("another home's display is never named").isNull();
            assertThat(e.shown()).isFalse();
            assertThat(e.reason()).isEqualTo(DenyReason.OWNER_MISMATCH);
        });

        // B asked, but it is not B's camera: B reads nothing of it
        assertThat(run.as(b.email(), () -> history.ofMyDevice(a.cameraRowId(), 50))).isEmpty();
        // the camera moves to B: what was asked while it was A's stays A's
        jdbc.update("update device set owner_account_id = ? where id = ?", b.accountId(), a.cameraRowId());
        assertThat(run.as(b.email(), () -> history.ofMyDevice(a.cameraRowId(), 50))).isEmpty();
        // admins and partner managers have no household history to read
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> history.ofMyDevice(a.cameraRowId(), 50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> history.ofMyDevice(a.cameraRowId(), 50)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void entries_older_than_the_retention_are_not_shown() {
        // the rows stay until their whole month is dropped (HistoryPartitionsIT); the household never sees them
        Vendor v = fixture.vendor("access-old");
        Household a = fixture.household(v);
        // early in a month, a minute just past the retention can lie two months back: give it its partition
        jdbc.queryForList("select history_create_month('device_access', (now() - ? * interval '1 second' - interval '1 hour')::date)",
                history.retention().toSeconds());
        jdbc.update("""
                insert into device_access (minute, device_id, owner_account_id, capability, outcome, reason, answers, last_at)
                values (date_trunc('minute', now()) - ? * interval '1 second' - interval '1 hour', ?, ?, 'SNAPSHOT', 'DENY',
                        'DEVICE_UNKNOWN', 1, now() - ? * interval '1 second' - interval '1 hour'),
                       (date_trunc('minute', now()), ?, ?, 'SNAPSHOT', 'DENY', 'DEVICE_UNKNOWN', 1, now())""",
                history.retention().toSeconds(), a.cameraRowId(), a.accountId(), history.retention().toSeconds(),
                a.cameraRowId(), a.accountId());
        List<Entry> kept = run.as(a.email(), () -> history.ofMyDevice(a.cameraRowId(), 50));
        assertThat(kept).singleElement().satisfies(e -> assertThat(e.where()).isEqualTo(DisplayWhere.UNKNOWN));
    }

    /**
     * The bulk write of the history takes no lock on the devices and accounts it names: with foreign keys it
     * took FOR KEY SHARE locks in no order while a device sync locked the same rows FOR UPDATE, and the two
     * deadlocked (V117).
     */
    @Test
    void the_history_write_locks_no_device_or_account_row() {
        assertThat(jdbc.queryForObject("select count(*) from pg_constraint where conrelid = 'device_access'::regclass "
                + "and contype = 'f'", Long.class)).isZero();
    }
}
