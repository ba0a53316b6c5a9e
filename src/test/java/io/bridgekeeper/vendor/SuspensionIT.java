package io.bridgekeeper.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class SuspensionIT {

    @Autowired
    SuspensionService suspensions;
    @Autowired
    VendorService vendors;
    @Autowired
    KillSwitch killSwitch;
    @Autowired
    TestVendors testVendors;
    @Autowired
    RunAs run;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    long version(long vendorId) {
        return run.as(DemoAccounts.ADMIN, () -> vendors.detail(vendorId).version());
    }

    long suspend(TestVendor v, SuspensionReason reason, Set<Capability> scope) {
        return run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(v.id(), version(v.id()),
                scope == null, scope, reason, "Images shown to the wrong household", null, v.slug())));
    }

    @Test
    void a_suspension_needs_the_vendors_slug_typed_and_changes_nothing_without_it() {
        TestVendor v = testVendors.create("typed");
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(v.id(),
                version(v.id()), true, null, SuspensionReason.OUTAGE, "down", null, "not-" + v.slug()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("Type the vendor's slug");

        assertThat(jdbc.queryForObject("select status from vendor where id = ?", String.class, v.id())).isEqualTo("ACTIVE");
        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from suspension where vendor_id = ?", Long.class, v.id())).isZero();
    }

    @Test
    void suspending_takes_effect_at_commit_pauses_running_rollouts_and_is_audited() {
        TestVendor v = testVendors.create("pause");
        long rollout = runningRollout(v.id());
        BlastRadius radius = run.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(v.id(), Set.of()));
        assertThat(radius).isEqualTo(new BlastRadius(2, 3, 1));

        long id = suspend(v, SuspensionReason.PRIVACY_LEAK, null);

        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();
        assertThat(killSwitch.isSuspended(v.id(), Capability.CONTROL)).isTrue();
        assertThat(jdbc.queryForObject("select state from rollout where id = ?", String.class, rollout)).isEqualTo("PAUSED");
        assertThat(jdbc.queryForList("select action from audit_event where vendor_id = ? order by id", String.class, v.id()))
                .containsSubsequence("VENDOR_SUSPENDED", "ROLLOUT_PAUSED");
        assertThat(jdbc.queryForObject("select count(*) from suspension_application where suspension_id = ?", Long.class, id))
                .isGreaterThanOrEqualTo(1);
    }

    /**
     * The kill switch's blast radius for every scope an admin can choose, against a direct count over the
     * same rows: stream and snapshot touch camera-like devices and only their households, control every
     * device and the households owning one, the whole vendor every linked household.
     */
    @Test
    void the_blast_radius_follows_the_chosen_scope() {
        TestVendor v = testVendors.create("radius"); // A: camera and light, B: camera
        long c = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, 'C', 'x', 'HOUSEHOLD') returning id", Long.class, v.slug() + "-c@example.com");
        long linkC = jdbc.queryForObject("insert into account_link (account_id, vendor_id, external_account_id, status, epoch, "
                + "linked_at) values (?, ?, ?, 'LIVE', 1, now()) returning id", Long.class, c, v.id(), v.slug() + "-ext-c");
        jdbc.update("insert into device (vendor_id, vendor_device_id, kind, name, owner_account_id, link_id, state) "
                + "values (?, ?, 'LOCK', 'Door lock', ?, ?, 'ACTIVE')", v.id(), v.slug() + "-lock-c", c, linkC);
        long d = jdbc.queryForObject("insert into account (email, display_name, password_hash, kind) "
                + "values (?, 'D', 'x', 'HOUSEHOLD') returning id", Long.class, v.slug() + "-d@example.com");
        jdbc.update("insert into account_link (account_id, vendor_id, external_account_id, status, epoch, linked_at) "
                + "values (?, ?, ?, 'LIVE', 1, now())", d, v.id(), v.slug() + "-ext-d"); // linked, no device yet

        for (Set<Capability> scope : List.<Set<Capability>>of(Set.of(), EnumSet.allOf(Capability.class),
                EnumSet.of(Capability.CAMERA_STREAM), EnumSet.of(Capability.SNAPSHOT),
                EnumSet.of(Capability.CAMERA_STREAM, Capability.SNAPSHOT), EnumSet.of(Capability.CONTROL),
                EnumSet.of(Capability.SNAPSHOT, Capability.CONTROL))) {
            BlastRadius expected;
            if (scope.isEmpty() || scope.containsAll(EnumSet.allOf(Capability.class))) {
                expected = new BlastRadius(
                        jdbc.queryForObject("select count(distinct account_id) from account_link where vendor_id = ? "
                                + "and status = 'LIVE'", Long.class, v.id()),
                        jdbc.queryForObject("select count(*) from device where vendor_id = ? and state <> 'REMOVED'",
                                Long.class, v.id()), 0);
            } else {
                String kinds = scope.contains(Capability.CONTROL) ? "" : " and kind in ('CAMERA', 'DOORBELL')";
                expected = new BlastRadius(
                        jdbc.queryForObject("select count(distinct owner_account_id) from device where vendor_id = ? "
                                + "and state <> 'REMOVED'" + kinds, Long.class, v.id()),
                        jdbc.queryForObject("select count(*) from device where vendor_id = ? and state <> 'REMOVED'" + kinds,
                                Long.class, v.id()), 0);
            }
            assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(v.id(), scope))).as(scope.toString())
                    .isEqualTo(expected);
        }
        // the figures themselves, so the query above cannot drift with the service
        assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(v.id(), Set.of())))
                .isEqualTo(new BlastRadius(4, 4, 0));
        assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(v.id(), EnumSet.of(Capability.SNAPSHOT))))
                .isEqualTo(new BlastRadius(2, 2, 0));
        assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(v.id(), EnumSet.of(Capability.CONTROL))))
                .isEqualTo(new BlastRadius(3, 4, 0));
    }

    @Test
    void a_partial_suspension_refuses_only_its_capabilities() {
        TestVendor v = testVendors.create("partial");
        assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.blastRadius(v.id(), EnumSet.of(Capability.CAMERA_STREAM))))
                .isEqualTo(new BlastRadius(2, 2, 0));

        suspend(v, SuspensionReason.OUTAGE, EnumSet.of(Capability.CAMERA_STREAM, Capability.SNAPSHOT));

        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();
        assertThat(killSwitch.isSuspended(v.id(), Capability.SNAPSHOT)).isTrue();
        assertThat(killSwitch.isSuspended(v.id(), Capability.CONTROL)).isFalse();
    }

    @Test
    void after_a_privacy_leak_a_second_admin_must_approve_the_resume() {
        TestVendor v = testVendors.create("foureyes");
        suspend(v, SuspensionReason.PRIVACY_LEAK, null);

        boolean resumed = run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "the fault is fixed"));
        assertThat(resumed).isFalse();
        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();

        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.approveResume(v.id(), version(v.id()), "checked the fix")))
                .isInstanceOf(DomainException.class).hasMessageContaining("different admin");
        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();

        run.as(DemoAccounts.SECOND_ADMIN, () -> suspensions.approveResume(v.id(), version(v.id()), "checked the fix"));

        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isFalse();
        assertThat(jdbc.queryForObject("select status from vendor where id = ?", String.class, v.id())).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList("select action from audit_event where vendor_id = ? order by id", String.class, v.id()))
                .containsSubsequence("VENDOR_SUSPENDED", "VENDOR_RESUME_REQUESTED", "VENDOR_RESUMED");
    }

    @Test
    void a_resume_request_can_be_withdrawn_by_its_admin_or_declined_by_another_and_the_suspension_stands() {
        TestVendor v = testVendors.create("withdraw");
        suspend(v, SuspensionReason.PRIVACY_LEAK, null);
        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "the fault is fixed"));
        // a withdrawal needs a reason, and a refused one changes nothing
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> {
            suspensions.withdrawResume(v.id(), version(v.id()), " ");
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(jdbc.queryForObject("select status from suspension where vendor_id = ?", String.class, v.id()))
                .isEqualTo("RESUME_REQUESTED");

        run.as(DemoAccounts.ADMIN, () -> {
            suspensions.withdrawResume(v.id(), version(v.id()), "found another leak");
            return null;
        });
        assertThat(jdbc.queryForMap("select status, resume_requested_by, resume_request_reason from suspension "
                + "where vendor_id = ? and status <> 'LIFTED'", v.id()))
                .containsEntry("status", "ACTIVE").containsEntry("resume_requested_by", null)
                .containsEntry("resume_request_reason", null);
        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();
        // nothing to approve any more, and nothing waits in the second admin's inbox
        assertThatThrownBy(() -> run.as(DemoAccounts.SECOND_ADMIN, () -> {
            suspensions.approveResume(v.id(), version(v.id()), "checked");
            return null;
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("No resume"));

        // asked again, and declined by the second admin
        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "now it is fixed"));
        run.as(DemoAccounts.SECOND_ADMIN, () -> {
            suspensions.withdrawResume(v.id(), version(v.id()), "the staging run still leaks");
            return null;
        });
        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();
        assertThat(jdbc.queryForList("select after_state->>'how' from audit_event where vendor_id = ? "
                + "and action = 'VENDOR_RESUME_WITHDRAWN' order by id", String.class, v.id()))
                .containsExactly("withdrawn by the requester", "declined");
        // partner managers cannot
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> {
            suspensions.withdrawResume(v.id(), version(v.id()), "x");
            return null;
        })).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_resume_needs_a_reason_and_a_refused_one_changes_nothing() {
        TestVendor v = testVendors.create("noreason");
        suspend(v, SuspensionReason.PRIVACY_LEAK, null);

        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), blank)))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        }
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()),
                "x".repeat(2001)))).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(jdbc.queryForObject("select status from suspension where vendor_id = ?", String.class, v.id()))
                .isEqualTo("ACTIVE");

        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), " Cache keys re-scoped and verified "));
        assertThatThrownBy(() -> run.as(DemoAccounts.SECOND_ADMIN, () -> suspensions.approveResume(v.id(), version(v.id()), " ")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isTrue();

        run.as(DemoAccounts.SECOND_ADMIN, () -> suspensions.approveResume(v.id(), version(v.id()), "Read the fix and the test"));
        SuspensionSummary lifted = run.as(DemoAccounts.ADMIN, () -> suspensions.history(v.id())).getFirst();
        assertThat(lifted.resumeRequestReason()).isEqualTo("Cache keys re-scoped and verified");
        assertThat(lifted.liftReason()).isEqualTo("Read the fix and the test");
        assertThat(jdbc.queryForObject("select after_state->>'reason' from audit_event where vendor_id = ? "
                + "and action = 'VENDOR_RESUMED'", String.class, v.id())).isEqualTo("Read the fix and the test");
    }

    @Test
    void a_requested_resume_waits_in_the_other_admins_inbox_and_never_in_the_requesters() {
        TestVendor v = testVendors.create("inbox");
        suspend(v, SuspensionReason.PRIVACY_LEAK, null);
        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "Fixed upstream"));

        assertThat(run.as(DemoAccounts.SECOND_ADMIN, () -> suspensions.awaitingMyApproval()))
                .filteredOn(r -> r.vendorId() == v.id()).singleElement().satisfies(r -> {
                    assertThat(r.requestedBy()).isEqualTo("Ada Lovelace");
                    assertThat(r.reason()).isEqualTo("Fixed upstream");
                    assertThat(r.suspensionReason()).isEqualTo(SuspensionReason.PRIVACY_LEAK);
                });
        assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.awaitingMyApproval()))
                .noneMatch(r -> r.vendorId() == v.id());
        for (String who : new String[] {DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD}) {
            assertThatThrownBy(() -> run.as(who, () -> suspensions.awaitingMyApproval()))
                    .isInstanceOf(AccessDeniedException.class);
        }

        run.as(DemoAccounts.SECOND_ADMIN, () -> suspensions.approveResume(v.id(), version(v.id()), "Agreed"));
        assertThat(run.as(DemoAccounts.SECOND_ADMIN, () -> suspensions.awaitingMyApproval()))
                .noneMatch(r -> r.vendorId() == v.id());
    }

    @Test
    void after_an_outage_one_admin_resumes() {
        TestVendor v = testVendors.create("outage");
        suspend(v, SuspensionReason.OUTAGE, null);

        assertThat(run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "the fault is fixed"))).isTrue();

        assertThat(killSwitch.isSuspended(v.id(), Capability.CAMERA_STREAM)).isFalse();
    }

    @Test
    void suspension_and_resume_never_change_a_households_own_device_choices() {
        TestVendor v = testVendors.create("choices");
        jdbc.update("update device set state = 'DISABLED' where id = ?", v.cameraA());

        suspend(v, SuspensionReason.OUTAGE, null);
        run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "the fault is fixed"));

        assertThat(jdbc.queryForObject("select state from device where id = ?", String.class, v.cameraA())).isEqualTo("DISABLED");
        assertThat(jdbc.queryForObject("select count(*) from device where vendor_id = ? and state = 'ACTIVE'", Long.class, v.id()))
                .isEqualTo(2);
    }

    @Test
    void a_change_based_on_an_old_version_is_refused_as_changed_by_someone_else() {
        TestVendor v = testVendors.create("stale");
        long seen = version(v.id());
        run.as(DemoAccounts.SECOND_ADMIN, () -> vendors.updateWebhookUrl(v.id(), seen, "https://hooks.example.com/a"));

        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(v.id(), seen,
                true, null, SuspensionReason.OUTAGE, "down", null, v.slug()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("changed by someone else");
        assertThat(killSwitch.isSuspended(v.id(), Capability.CONTROL)).isFalse();
    }

    @Test
    void illegal_status_moves_get_a_clear_error() {
        TestVendor v = testVendors.create("illegal");
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> vendors.activate(v.id(), version(v.id()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot become active");
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> vendors.retire(v.id(), version(v.id()))))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot become retired");
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.requestResume(v.id(), version(v.id()), "the fault is fixed")))
                .isInstanceOf(DomainException.class).hasMessageContaining("not suspended");
    }

    @Test
    void an_expected_restoration_in_the_past_is_refused() {
        TestVendor v = testVendors.create("past");
        assertThatThrownBy(() -> run.as(DemoAccounts.ADMIN, () -> suspensions.suspend(new SuspendCommand(v.id(),
                version(v.id()), true, null, SuspensionReason.OUTAGE, "down", Instant.now().minus(Duration.ofHours(1)),
                v.slug())))).isInstanceOf(DomainException.class).hasMessageContaining("future");
    }

    @Test
    void partner_managers_and_households_cannot_suspend_or_resume() {
        TestVendor v = testVendors.create("roles");
        SuspendCommand cmd = new SuspendCommand(v.id(), 0, true, null, SuspensionReason.OUTAGE, "x", null, v.slug());
        for (String who : new String[] {DemoAccounts.CAMERA_PARTNER, DemoAccounts.HOUSEHOLD}) {
            assertThatThrownBy(() -> run.as(who, () -> suspensions.suspend(cmd))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> run.as(who, () -> suspensions.requestResume(v.id(), 0, "the fault is fixed"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> run.as(who, () -> suspensions.approveResume(v.id(), 0, "checked the fix"))).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> run.as(DemoAccounts.CAMERA_PARTNER, () -> suspensions.history(v.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("No vendor");
    }

    @Test
    void the_system_suspends_by_policy_and_not_when_the_vendor_opted_out() {
        TestVendor on = testVendors.create("policy-on");
        TestVendor off = testVendors.create("policy-off");
        jdbc.update("update vendor set auto_suspend_on_violation = false where id = ?", off.id());

        var suspended = tx.execute(s -> suspensions.suspendBySystem(on.id(), SuspensionReason.PRIVACY_LEAK,
                "Isolation violation during rollout", "rollout guard: isolation violation"));
        var notSuspended = tx.execute(s -> suspensions.suspendBySystem(off.id(), SuspensionReason.PRIVACY_LEAK,
                "Isolation violation during rollout", "rollout guard: isolation violation"));

        assertThat(suspended).isPresent();
        assertThat(notSuspended).isEmpty();
        assertThat(killSwitch.isSuspended(on.id(), Capability.SNAPSHOT)).isTrue();
        assertThat(killSwitch.isSuspended(off.id(), Capability.SNAPSHOT)).isFalse();
        assertThat(jdbc.queryForObject("select actor_type || ' ' || actor_name from audit_event "
                + "where vendor_id = ? and action = 'VENDOR_SUSPENDED'", String.class, on.id()))
                .isEqualTo("SYSTEM system: rollout guard: isolation violation");
    }

    private long runningRollout(long vendorId) {
        long stable = jdbc.queryForObject("insert into cache_version (vendor_id, label, stable) values (?, 'v1', true) returning id", Long.class, vendorId);
        long next = jdbc.queryForObject("insert into cache_version (vendor_id, label) values (?, 'v2') returning id", Long.class, vendorId);
        long author = jdbc.queryForObject("select id from account where email = ?", Long.class, DemoAccounts.CAMERA_PARTNER);
        return jdbc.queryForObject("""
                insert into rollout (vendor_id, from_version_id, to_version_id, state, salt, current_stage, bake_seconds,
                                     min_deliveries, error_rate_threshold, no_data_seconds, created_by, created_at)
                values (?, ?, ?, 'RUNNING', 'salt', 0, 60, 10, 0.05, 600, ?, now()) returning id
                """, Long.class, vendorId, stable, next, author);
    }
}
