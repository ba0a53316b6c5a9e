package io.bridgekeeper.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bridgekeeper.base.DomainException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolloutStateMachineTest {

    /** The legal moves of DESIGN.md, written out once more by hand as the reference. */
    private static final Map<RolloutState, Map<RolloutAction, RolloutState>> LEGAL = new EnumMap<>(Map.of(
            RolloutState.DRAFT, Map.of(RolloutAction.SUBMIT, RolloutState.PENDING_APPROVAL),
            RolloutState.PENDING_APPROVAL, Map.of(RolloutAction.APPROVE, RolloutState.APPROVED,
                    RolloutAction.REJECT, RolloutState.REJECTED),
            RolloutState.APPROVED, Map.of(RolloutAction.START, RolloutState.RUNNING),
            RolloutState.RUNNING, Map.of(RolloutAction.ADVANCE, RolloutState.RUNNING,
                    RolloutAction.PAUSE, RolloutState.PAUSED, RolloutAction.HALT, RolloutState.HALTED),
            RolloutState.PAUSED, Map.of(RolloutAction.RESUME, RolloutState.RUNNING,
                    RolloutAction.HALT, RolloutState.HALTED),
            RolloutState.HALTED, Map.of(RolloutAction.ROLL_BACK, RolloutState.ROLLED_BACK)));

    @Test
    void every_legal_transition_leads_where_the_design_says() {
        LEGAL.forEach((from, moves) -> moves.forEach((action, to) ->
                assertThat(RolloutStateMachine.next(from, action, false)).as("%s --%s-->", from, action).isEqualTo(to)));
    }

    @Test
    void every_illegal_transition_is_refused_with_a_clear_error() {
        int refused = 0;
        for (RolloutState from : RolloutState.values()) {
            for (RolloutAction action : RolloutAction.values()) {
                if (LEGAL.getOrDefault(from, Map.of()).containsKey(action)) {
                    continue;
                }
                for (boolean last : new boolean[] {false, true}) {
                    assertThatThrownBy(() -> RolloutStateMachine.next(from, action, last))
                            .as("%s --%s-->", from, action)
                            .isInstanceOfSatisfying(DomainException.class, e -> {
                                assertThat(e.status()).isEqualTo(409);
                                assertThat(e.type()).isEqualTo("illegal-transition");
                                assertThat(e.getMessage()).contains(from.label().toLowerCase())
                                        .contains("cannot " + action.words());
                            });
                }
                refused++;
            }
        }
        assertThat(refused).isEqualTo(RolloutState.values().length * RolloutAction.values().length - 10);
    }

    @Test
    void advancing_the_last_stage_completes_the_rollout() {
        assertThat(RolloutStateMachine.next(RolloutState.RUNNING, RolloutAction.ADVANCE, true))
                .isEqualTo(RolloutState.COMPLETED);
    }

    @Test
    void finished_rollouts_allow_nothing_and_the_error_says_so() {
        for (RolloutState done : Set.of(RolloutState.REJECTED, RolloutState.COMPLETED, RolloutState.ROLLED_BACK)) {
            assertThat(RolloutStateMachine.allowed(done)).isEmpty();
            assertThatThrownBy(() -> RolloutStateMachine.next(done, RolloutAction.START, false))
                    .hasMessageContaining("Nothing more can be done");
        }
        assertThatThrownBy(() -> RolloutStateMachine.next(RolloutState.RUNNING, RolloutAction.APPROVE, false))
                .hasMessage("A rollout that is running cannot approve. Allowed now: advance, pause, halt.");
    }

    @Test
    void a_german_admin_reads_the_refusal_with_the_state_and_actions_in_german() {
        assertThatThrownBy(() -> RolloutStateMachine.next(RolloutState.RUNNING, RolloutAction.APPROVE, false))
                .isInstanceOfSatisfying(io.bridgekeeper.base.DomainException.class, e -> assertThat(
                        e.message(java.util.Locale.GERMAN)).isEqualTo("Einen Rollout im Zustand „Läuft“ können Sie nicht "
                        + "genehmigen. Jetzt erlaubt: weiterschalten, pausieren, anhalten."));
    }
}
