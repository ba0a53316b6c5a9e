package io.bridgekeeper.rollout;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The rollout's transitions and nothing else: DRAFT → PENDING_APPROVAL → APPROVED (or REJECTED)
 * → RUNNING ⇄ PAUSED → COMPLETED, and RUNNING/PAUSED → HALTED → ROLLED_BACK. Advancing the last
 * stage completes the rollout. Anything else is refused with the actions the state allows, before
 * anything is changed.
 */
public final class RolloutStateMachine {

    private static final Map<RolloutState, Map<RolloutAction, RolloutState>> NEXT = new EnumMap<>(RolloutState.class);

    static {
        for (RolloutState s : RolloutState.values()) {
            NEXT.put(s, new EnumMap<>(RolloutAction.class));
        }
        NEXT.get(RolloutState.DRAFT).put(RolloutAction.SUBMIT, RolloutState.PENDING_APPROVAL);
        NEXT.get(RolloutState.PENDING_APPROVAL).put(RolloutAction.APPROVE, RolloutState.APPROVED);
        NEXT.get(RolloutState.PENDING_APPROVAL).put(RolloutAction.REJECT, RolloutState.REJECTED);
        NEXT.get(RolloutState.APPROVED).put(RolloutAction.START, RolloutState.RUNNING);
        NEXT.get(RolloutState.RUNNING).put(RolloutAction.ADVANCE, RolloutState.RUNNING);
        NEXT.get(RolloutState.RUNNING).put(RolloutAction.PAUSE, RolloutState.PAUSED);
        NEXT.get(RolloutState.RUNNING).put(RolloutAction.HALT, RolloutState.HALTED);
        NEXT.get(RolloutState.PAUSED).put(RolloutAction.RESUME, RolloutState.RUNNING);
        NEXT.get(RolloutState.PAUSED).put(RolloutAction.HALT, RolloutState.HALTED);
        NEXT.get(RolloutState.HALTED).put(RolloutAction.ROLL_BACK, RolloutState.ROLLED_BACK);
    }

    private RolloutStateMachine() {
    }

    /** The actions this state allows. */
    public static Set<RolloutAction> allowed(RolloutState state) {
        Set<RolloutAction> actions = NEXT.get(state).keySet();
        return actions.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(RolloutAction.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(actions));
    }

    /**
     * The state after {@code action}; advancing from the last stage completes the rollout.
     *
     * @throws DomainException (409, illegal-transition) when the state does not allow the action
     */
    public static RolloutState next(RolloutState state, RolloutAction action, boolean onLastStage) {
        RolloutState target = NEXT.get(state).get(action);
        if (target == null) {
            Set<RolloutAction> allowed = allowed(state);
            throw DomainException.conflict("illegal-transition", new Refusal("refusal.rollout.illegal-transition",
                    new Refusal("refusal.rollout.state." + state.name()), RolloutAction.refusalWords(action),
                    new Refusal("refusal.rollout.allowed-now." + allowed.size(),
                            allowed.stream().sorted().map(RolloutAction::refusalWords).toArray())));
        }
        return action == RolloutAction.ADVANCE && onLastStage ? RolloutState.COMPLETED : target;
    }
}
