package io.bridgekeeper.rollout;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every tick, each running rollout's guards are evaluated: pause, halt, or advance a baked stage.
 * The tick runs on one node at a time (ShedLock over the {@code shedlock} table, held at least a few
 * seconds so a node whose tick comes a moment later skips it), and everything it needs is in the
 * database, so a restart loses nothing. Tests call {@link RolloutTicker#advanceDue(Instant)} with a
 * time of their choosing.
 */
@Component
class RolloutScheduler {

    private final RolloutTicker ticker;
    private final Clock clock;
    private final boolean enabled;

    RolloutScheduler(RolloutTicker ticker, Clock clock,
                     @Value("${bridgekeeper.rollouts.scheduler-enabled:true}") boolean enabled) {
        this.ticker = ticker;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${bridgekeeper.rollouts.tick:PT15S}", initialDelayString = "${bridgekeeper.rollouts.tick:PT15S}")
    void tick() {
        if (enabled) {
            ticker.advanceDue(clock.instant());
        }
    }
}
