package io.bridgekeeper.rollout.ui;

import io.bridgekeeper.base.ui.Words;
import io.bridgekeeper.base.ui.Badge;
import io.bridgekeeper.rollout.RolloutState;

final class RolloutBadges {

    private RolloutBadges() {
    }

    static Badge state(RolloutState state) {
        String tone = switch (state) {
            case RUNNING, COMPLETED -> "success";
            case HALTED, ROLLED_BACK, REJECTED -> "error";
            case PAUSED, PENDING_APPROVAL -> "warning";
            case DRAFT, APPROVED -> "neutral";
        };
        Badge badge = new Badge(Words.label(state), tone);
        badge.addClassName("rollout-state");
        return badge;
    }
}
