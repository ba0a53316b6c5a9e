package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionWorlds.Config;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.Capability;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.spring.JqwikSpringSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random sequences of what happens to a vendor integration (link, relink, unlink, unlink one device,
 * device sync, transfer, a household turning a device off, suspend and resume, rollout start, advance,
 * pause and halt, secret rotation, an admin revoking or certifying a model on a surface), interleaved with resolve and authorize, against the real application
 * and against {@link DecisionModel}, a small reference model written separately from the engine. Every
 * decision (outcome, reason, effective cache version; for resolve also what the issued key says) must
 * be the model's.
 *
 * <p>Each try builds a fresh world ({@link DecisionWorlds}): its own vendor with a random set of
 * capabilities, two to four households with platform displays (on a smart-display, a speaker-screen or no
 * surface, in turn), the vendor's models M1 and M2 certified on their surfaces (syncs name a model for
 * most cameras, and change it now and then), a second vendor that was never activated.
 * Decisions are about half of the operations and mix genuine current keys, keys kept from earlier
 * (stale epoch, version, owner or secret), tampered and made-up keys and keys of another vendor, wrong
 * requesters and other households' displays.
 *
 * <p>Isolation violations: the guard's reaction is part of the model rather than switched off. Every
 * owner mismatch halts and rolls back the running rollout; whether it also suspends the vendor is the
 * vendor's policy ({@code auto_suspend_on_violation}), chosen per world (on in about a quarter), so both
 * policies are checked in every run and the suspension that follows a violation, with its four-eyes
 * resume, is part of the sequences.
 *
 * <p>Budget: {@code -Dbridgekeeper.property.ops=N} operations in all (default {@value Budget#DEFAULT_OPERATIONS},
 * in worlds of {@value Budget#CHAIN} operations each), {@code -Dbridgekeeper.property.seed=S} to repeat a
 * run. A run of the default size or more fails unless every operation kind, every deny reason, ALLOW and
 * the finer causes in {@link DecisionTally} occurred, and prints what it covered and how long each kind
 * of operation took.
 *
 * <p>A failure is made short by {@link DecisionReplay} rather than by jqwik (whose chain shrinking does
 * not suit a world that lives in the application; see there), within
 * {@code -Dbridgekeeper.property.shrink-seconds} (default 120): the message gives the shortest sequence
 * found, then the disagreement, the model's state before it and every step of that replay with its answer.
 * Rollout salts are the application's own random choice, so a replay can place a device in another bucket.
 */
@JqwikSpringSupport
@IntegrationTest
class DecisionModelIT {

    @Autowired
    DecisionWorlds worlds;

    /** This try's kind of world, for the chain's start; and the world it started. */
    private Config config;
    private DecisionWorld world;

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Budget.class)
    void every_decision_is_the_reference_models(@ForAll("configs") Config config,
                                                @ForAll("sequences") ActionChain<DecisionWorld> chain) {
        this.config = config;
        try {
            chain.run();
        } catch (Throwable e) {
            DecisionWorld.Mismatch mismatch = mismatchIn(e);
            if (mismatch == null) {
                throw e;
            }
            throw DecisionReplay.minimized(worlds, config, world.ran(), mismatch, Budget.shrinking());
        }
    }

    private static DecisionWorld.Mismatch mismatchIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DecisionWorld.Mismatch m) {
                return m;
            }
        }
        return null;
    }

    @Provide
    Arbitrary<Config> configs() {
        Arbitrary<Set<Capability>> capabilities = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(EnumSet.allOf(Capability.class))),
                Tuple.of(2, Arbitraries.of(Capability.class).set().ofMinSize(1)));
        return Combinators.combine(Arbitraries.integers().between(2, 4), capabilities,
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)),
                Arbitraries.of(true, false), Arbitraries.longs()).as(Config::new);
    }

    @Provide
    Arbitrary<ActionChain<DecisionWorld>> sequences() {
        return ActionChain.<DecisionWorld>startWith(() -> world = worlds.create(config))
                .withAction(14, op("resolve", w -> true, DecisionPlanner::resolve))
                .withAction(34, op("authorize", w -> true, DecisionPlanner::authorize))
                .withAction(6, op("link", w -> w.model.suspension == null, DecisionPlanner::link))
                .withAction(4, op("unlink", w -> w.model.links.values().stream().anyMatch(l -> l.live),
                        DecisionPlanner::unlink))
                .withAction(2, op("vendor refuses refresh", w -> w.model.links.values().stream()
                        .anyMatch(l -> l.live && !l.needsRelink), DecisionPlanner::refreshRefused))
                .withAction(3, op("unlink device", w -> w.model.devices.values().stream()
                        .anyMatch(d -> d.owner != null && d.link != null), DecisionPlanner::unlinkDevice))
                .withAction(8, op("sync", w -> w.model.links.values().stream().anyMatch(l -> l.live),
                        DecisionPlanner::sync))
                .withAction(4, op("transfer", w -> true, DecisionPlanner::transfer))
                .withAction(3, op("disable or enable", w -> true, DecisionPlanner::toggle))
                .withAction(1, op("suspend", w -> w.model.suspension == null, DecisionPlanner::suspend))
                .withAction(8, op("resume", w -> w.model.suspension != null, (w, r) -> new DecisionOp.Resume()))
                .withAction(4, op("rollout start", w -> w.model.rollout == null && w.model.suspension == null,
                        DecisionPlanner::rolloutStart))
                .withAction(5, op("rollout advance", w -> w.model.rollout != null && !w.model.rollout.paused()
                        && w.model.suspension == null, (w, r) -> new DecisionOp.RolloutAdvance()))
                .withAction(2, op("rollout halt", w -> w.model.rollout != null, (w, r) -> new DecisionOp.RolloutHalt()))
                .withAction(2, op("rollout pause or resume", w -> w.model.rollout != null
                        && (!w.model.rollout.paused() || w.model.suspension == null), DecisionPlanner::rolloutPause))
                .withAction(3, op("rotate secret", w -> true, (w, r) -> new DecisionOp.RotateSecret()))
                .withAction(2, op("revoke certification", w -> w.model.certifications.values().stream()
                        .anyMatch(DecisionModel::revocable), DecisionPlanner::revoke))
                .withAction(3, op("certify", w -> w.model.certifications.values().stream().anyMatch(c -> c.suspended),
                        DecisionPlanner::certify))
                .withMaxTransformations(Budget.chain());
    }

    /**
     * An operation planned from the world when it is generated, every choice fixed then and named as in any
     * world (h1, d3, x2), so that a replay of a shorter sequence means the same; when this kind makes no
     * sense now, no operation (jqwik then picks another kind).
     */
    private static Action.Dependent<DecisionWorld> op(String kind, Predicate<DecisionWorld> sensible,
                                                      BiFunction<DecisionWorld, RandomGenerator, DecisionOp> plan) {
        return world -> {
            if (!sensible.test(world)) {
                return Arbitraries.just(Transformer.noop());
            }
            return Arbitraries.randomValue(random -> plan.apply(world, new SplittableRandom(random.nextLong())))
                    .map(op -> Transformer.mutate(op.toString(), w -> {
                        long started = System.nanoTime();
                        w.run(op);
                        DecisionTally.took(kind, System.nanoTime() - started);
                    }));
        };
    }

    /** Sets the number of tries from the operation budget, and checks the run covered what it must. */
    static class Budget implements AroundPropertyHook {

        static final int DEFAULT_OPERATIONS = 10_000;
        static final int CHAIN = 100;

        static int operations() {
            return Integer.getInteger("bridgekeeper.property.ops", DEFAULT_OPERATIONS);
        }

        static int chain() {
            return Math.min(CHAIN, operations());
        }

        /** How long a failure may be minimized by replaying ({@link DecisionReplay}). */
        static Duration shrinking() {
            return Duration.ofSeconds(Integer.getInteger("bridgekeeper.property.shrink-seconds", 120));
        }

        static Optional<String> seed() {
            return Optional.ofNullable(System.getProperty("bridgekeeper.property.seed")).filter(s -> !s.isBlank());
        }

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries((operations() + chain() - 1) / chain());
            seed().ifPresent(context.attributes()::setSeed);
            DecisionTally.reset();
            long started = System.nanoTime();
            PropertyExecutionResult result = property.execute();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%nDecision property: %,d operations (%,d decisions) in %d worlds, %.1f s, %s, seed %s%n%s%n%n",
                    DecisionTally.operations(), DecisionTally.decisions(), result.countTries(), seconds, result.status(),
                    result.seed().orElse("?"), DecisionTally.summary());
            if (result.status() != PropertyExecutionResult.Status.SUCCESSFUL) {
                return result;
            }
            if (DecisionTally.operations() < operations()) {
                return result.mapToFailed("Only " + DecisionTally.operations() + " operations ran; " + operations()
                        + " were asked for");
            }
            List<String> missing = DecisionTally.missing();
            if (!missing.isEmpty() && operations() >= DEFAULT_OPERATIONS) {
                return result.mapToFailed("Never happened in " + DecisionTally.operations() + " operations: " + missing);
            }
            return result;
        }
    }
}
