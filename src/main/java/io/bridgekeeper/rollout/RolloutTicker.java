package io.bridgekeeper.rollout;

import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The locked part, in its own bean so that the lock's proxy wraps the call. */
@Component
class RolloutTicker {

    private static final Logger log = LoggerFactory.getLogger(RolloutTicker.class);
    private final RolloutStore queries;
    private final RolloutGuards guards;

    RolloutTicker(RolloutStore queries, RolloutGuards guards) {
        this.queries = queries;
        this.guards = guards;
    }

    /**
     * Evaluates every running rollout at {@code now}; returns how many changed, or empty when
     * another node holds the lock (and so does this tick).
     */
    @SchedulerLock(name = "rollout-advance", lockAtLeastFor = "PT5S", lockAtMostFor = "PT2M")
    public Optional<Integer> advanceDue(Instant now) {
        int changed = 0;
        for (long id : queries.running()) {
            try {
                if (guards.evaluate(id, now) != GuardOutcome.NOTHING) {
                    changed++;
                }
            } catch (RuntimeException e) {
                // one rollout's failure must not stop the others' guards
                log.error("Evaluating the guards of rollout {} failed", id, e);
            }
        }
        return Optional.of(changed);
    }
}
