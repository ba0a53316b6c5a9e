package io.bridgekeeper.rollout;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import io.bridgekeeper.vendor.KillSwitch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The moves that a person and a guard share (advance, pause, halt and roll back), so both check the
 * same rules and write the same rows. The caller holds the rollout's row lock and its transaction,
 * and records the returned changes in the audit log (a guard's evidence is in the after state).
 */
@Component
class RolloutTransitions {

    private final RolloutStore store;
    private final KillSwitch killSwitch;

    RolloutTransitions(RolloutStore store, KillSwitch killSwitch) {
        this.store = store;
        this.killSwitch = killSwitch;
    }

    boolean isVendorSuspended(long vendorId) {
        return killSwitch.suspensionOf(vendorId).isPresent();
    }

    void requireVendorNotSuspended(RolloutDetail r, RolloutAction action) {
        if (killSwitch.suspensionOf(r.vendorId()).isPresent()) {
            throw DomainException.conflict("vendor-suspended", new Refusal("refusal.rollout.vendor-suspended",
                    RolloutAction.refusalWords(action), String.valueOf(r.vendorName())));
        }
    }

    /** The next stage, or COMPLETED after the last one (the target becomes the stable version). */
    Change advance(RolloutDetail r, Instant now, Map<String, Object> evidence) {
        RolloutState next = RolloutStateMachine.next(r.state(), RolloutAction.ADVANCE, r.onLastStage());
        requireVendorNotSuspended(r, RolloutAction.ADVANCE);
        int stage = r.currentStage();
        store.stageCompleted(r.id(), stage, now);
        Map<String, Object> after = new LinkedHashMap<>();
        if (next == RolloutState.COMPLETED) {
            store.completed(r.id(), r.vendorId(), r.toVersionId(), now);
            after.put("state", "COMPLETED");
            after.put("percent", 100);
            after.put("stableVersion", r.toLabel());
        } else {
            store.nextStage(r.id(), stage + 1, now);
            after.put("state", "RUNNING");
            after.put("stage", stage + 1);
            after.put("percent", r.stages().get(stage + 1).percent());
        }
        if (evidence != null) {
            after.put("evidence", evidence);
        }
        Map<String, Object> before = Map.of("state", r.state().name(), "stage", stage, "percent", r.currentPercent());
        return new Change(next == RolloutState.COMPLETED ? RolloutAuditAction.ROLLOUT_COMPLETED
                : RolloutAuditAction.ROLLOUT_ADVANCED, before, after, next);
    }

    Change pause(RolloutDetail r, Instant now, String reason, Map<String, Object> evidence) {
        RolloutStateMachine.next(r.state(), RolloutAction.PAUSE, r.onLastStage());
        store.stopped(r.id(), RolloutState.PAUSED, reason);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", "PAUSED");
        after.put("reason", reason);
        after.put("at", now.toString());
        if (evidence != null) {
            after.put("evidence", evidence);
        }
        return new Change(RolloutAuditAction.ROLLOUT_PAUSED, Map.of("state", r.state().name()), after, RolloutState.PAUSED);
    }

    /** HALTED and at once ROLLED_BACK: every device is back on the version it came from. */
    List<Change> haltAndRollBack(RolloutDetail r, Instant now, String reason, Map<String, Object> evidence) {
        RolloutStateMachine.next(r.state(), RolloutAction.HALT, r.onLastStage());
        store.stopped(r.id(), RolloutState.HALTED, reason);
        Map<String, Object> halted = new LinkedHashMap<>();
        halted.put("state", "HALTED");
        halted.put("reason", reason);
        halted.put("percent", r.currentPercent());
        if (evidence != null) {
            halted.put("evidence", evidence);
        }
        Change halt = new Change(RolloutAuditAction.ROLLOUT_HALTED, Map.of("state", r.state().name(), "percent", r.currentPercent()),
                halted, RolloutState.HALTED);

        RolloutStateMachine.next(RolloutState.HALTED, RolloutAction.ROLL_BACK, false);
        store.rolledBack(r.id(), now);
        return List.of(halt, new Change(RolloutAuditAction.ROLLOUT_ROLLED_BACK, Map.of("state", "HALTED"),
                Map.of("state", "ROLLED_BACK", "percent", 0, "version", r.fromLabel()), RolloutState.ROLLED_BACK));
    }

    /**
     * One audited step: the caller writes it to the audit log itself (the person calling, or the
     * system with its rule), in the same transaction.
     */
    record Change(RolloutAuditAction action, Object before, Object after, RolloutState state) {
    }
}
