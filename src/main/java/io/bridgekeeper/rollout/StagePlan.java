package io.bridgekeeper.rollout;

import io.bridgekeeper.base.DomainException;
import io.bridgekeeper.base.Refusal;
import java.util.List;

/** The stages of a rollout: ascending percentages from 1 to 100, ending at 100. */
public record StagePlan(List<Integer> percents) {

    /** The usual plan: 1, 5, 25, 50, 100 percent. */
    public static final List<Integer> TEMPLATE = List.of(1, 5, 25, 50, 100);

    public StagePlan {
        if (percents == null || percents.isEmpty()) {
            throw DomainException.invalidField("invalid-stages", "stages", new Refusal("refusal.rollout.invalid-stages-2"));
        }
        percents = List.copyOf(percents);
        int previous = 0;
        for (Integer p : percents) {
            if (p == null || p < 1 || p > 100) {
                throw DomainException.invalidField("invalid-stages", "stages", new Refusal("refusal.rollout.invalid-stages-3"));
            }
            if (p <= previous) {
                throw DomainException.invalidField("invalid-stages", "stages", new Refusal("refusal.rollout.invalid-stages-4", String.valueOf(p), String.valueOf(previous)));
            }
            previous = p;
        }
        if (previous != 100) {
            throw DomainException.invalidField("invalid-stages", "stages", new Refusal("refusal.rollout.invalid-stages-5"));
        }
    }

    /** Parses "1, 5, 25, 50, 100" (spaces, commas and percent signs allowed). */
    public static StagePlan parse(String text) {
        if (text == null || text.isBlank()) {
            return new StagePlan(List.of());
        }
        try {
            return new StagePlan(java.util.Arrays.stream(text.replace("%", " ").split("[,\\s]+"))
                    .filter(s -> !s.isBlank()).map(Integer::valueOf).toList());
        } catch (NumberFormatException e) {
            throw DomainException.invalidField("invalid-stages", "stages", new Refusal("refusal.rollout.invalid-stages-6"));
        }
    }
}
