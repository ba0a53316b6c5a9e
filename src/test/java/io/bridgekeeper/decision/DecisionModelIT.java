package io.bridgekeeper.decision;

import io.bridgekeeper.decision.DecisionWorlds.Config;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.vendor.Capability;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
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
 * pause and halt, secret rotation), interleaved with resolve and authorize, against the real application
 * and against {@link DecisionModel}, a small reference model written separately from the engine. Every
 * decision (outcome, reason, effective cache version; for resolve also what the issued key says) must
 * be the model's.
 *
 * <p>Each try builds a fresh world ({@link DecisionWorlds}): its own vendor with a random set of
 * capabilities, two to four households with platform displays, a second vendor that was never activated.
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
 * the finer causes in {@link DecisionTally} occurred. A failure shows the shrunk sequence and, in the
 * message, the model's state and the concrete operations that led there.
 */
@JqwikSpringSupport
@IntegrationTest
class DecisionModelIT {

    @Autowired
    DecisionWorlds worlds;

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Budget.class)
    void every_decision_is_the_reference_models(@ForAll("sequences") ActionChain<DecisionWorld> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<DecisionWorld>> sequences() {
        Arbitrary<Set<Capability>> capabilities = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(EnumSet.allOf(Capability.class))),
                Tuple.of(2, Arbitraries.of(Capability.class).set().ofMinSize(1)));
        Arbitrary<Config> configs = Combinators.combine(Arbitraries.integers().between(2, 4), capabilities,
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)),
                Arbitraries.of(true, false), Arbitraries.longs()).as(Config::new);
        return configs.flatMap(config -> ActionChain.<DecisionWorld>startWith(() -> worlds.create(config))
                .withAction(16, op("resolve", DecisionWorld::resolve))
                .withAction(34, op("authorize", DecisionWorld::authorize))
                .withAction(6, op("link", w -> w.model.suspension == null, DecisionWorld::link))
                .withAction(4, op("unlink", DecisionWorld::hasLiveLink, DecisionWorld::unlink))
                .withAction(3, op("unlink device", DecisionWorld::hasLinkedDevice, DecisionWorld::unlinkDevice))
                .withAction(8, op("sync", DecisionWorld::hasLiveLink, DecisionWorld::sync))
                .withAction(4, op("transfer", DecisionWorld::transfer))
                .withAction(3, op("disable or enable", DecisionWorld::toggle))
                .withAction(2, op("suspend", w -> w.model.suspension == null, DecisionWorld::suspend))
                .withAction(5, op("resume", w -> w.model.suspension != null, DecisionWorld::resume))
                .withAction(4, op("rollout start", w -> w.model.rollout == null && w.model.suspension == null,
                        DecisionWorld::rolloutStart))
                .withAction(5, op("rollout advance", w -> w.model.rollout != null && !w.model.rollout.paused()
                        && w.model.suspension == null, DecisionWorld::rolloutAdvance))
                .withAction(2, op("rollout halt", w -> w.model.rollout != null, DecisionWorld::rolloutHalt))
                .withAction(2, op("rollout pause or resume", w -> w.model.rollout != null
                        && (!w.model.rollout.paused() || w.model.suspension == null), DecisionWorld::rolloutPauseOrResume))
                .withAction(1, op("rotate secret", DecisionWorld::rotateSecret))
                .withMaxTransformations(Budget.chain()));
    }

    private static Action.Independent<DecisionWorld> op(String name, BiConsumer<DecisionWorld, Long> run) {
        return op(name, w -> true, run);
    }

    /** An operation whose choices all come from one number, read against the world when it runs. */
    private static Action.Independent<DecisionWorld> op(String name, Predicate<DecisionWorld> when,
                                                        BiConsumer<DecisionWorld, Long> run) {
        return new Action.Independent<>() {
            @Override
            public boolean precondition(DecisionWorld world) {
                return when.test(world);
            }

            @Override
            public Arbitrary<Transformer<DecisionWorld>> transformer() {
                return Arbitraries.longs().map(seed -> Transformer.mutate(name + " " + seed, w -> {
                    long started = System.nanoTime();
                    run.accept(w, seed);
                    DecisionTally.took(name, System.nanoTime() - started);
                }));
            }
        };
    }

    /** Sets the number of tries from the operation budget, and checks the run covered what it must. */
    static class Budget implements AroundPropertyHook {

        static final int DEFAULT_OPERATIONS = 10_000;
        static final int CHAIN = 200;

        static int operations() {
            return Integer.getInteger("bridgekeeper.property.ops", DEFAULT_OPERATIONS);
        }

        static int chain() {
            return Math.min(CHAIN, operations());
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
