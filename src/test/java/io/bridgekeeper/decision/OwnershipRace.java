package io.bridgekeeper.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.bridgekeeper.decision.DecisionClient.Answer;
import io.bridgekeeper.decision.DecisionFixture.Household;
import io.bridgekeeper.decision.DecisionFixture.Vendor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The ownership race of {@link DecisionRaceIT} and {@link ReplicaRaceIT}: {@value #WORKERS_PER_NODE}
 * threads per node ask authorize over HTTP without pause while a change of ownership commits, each
 * noting when it sent every request and the answer; {@link Outcomes#check} then holds every answer
 * against the moment the change's call returned.
 */
final class OwnershipRace implements AutoCloseable {

    static final int WORKERS_PER_NODE = 4;
    /** ALLOWs each thread must see before the change starts: the race begins on a warm, allowing path. */
    static final int ALLOWS_BEFORE = 3;
    /** Requests each thread must send after the commit before the round ends. */
    static final int SENT_AFTER = 5;
    /** A safety net, not a figure under test: generous, as other builds may share the machine's cores. */
    static final Duration PHASE_LIMIT = Duration.ofSeconds(30);

    final ExecutorService pool;
    final List<Worker> workers = new ArrayList<>();

    /** Workers on each of these nodes (by HTTP port), node 1 first, all with this service credential. */
    OwnershipRace(String credential, int... ports) {
        pool = Executors.newFixedThreadPool(ports.length * WORKERS_PER_NODE);
        for (int node = 1; node <= ports.length; node++) {
            for (int i = 0; i < WORKERS_PER_NODE; i++) {
                workers.add(new Worker(node, new DecisionClient(ports[node - 1], credential)));
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        workers.forEach(w -> w.client.close());
        workers.clear();
    }

    // --- the race ----------------------------------------------------------------------------------

    /**
     * Every worker asks authorize for the household's camera onto the household's display, as the
     * household, until told to stop; the change runs once each worker has seen {@value #ALLOWS_BEFORE}
     * ALLOWs, and the round ends once each has sent {@value #SENT_AFTER} requests after the commit.
     */
    Outcomes race(Vendor vendor, Household h, Runnable change) {
        Answer resolved = workers.getFirst().client.resolve(vendor.slug(), h.cameraId());
        assertThat(resolved.outcome()).isEqualTo("RESOLVED");
        Round round = new Round(vendor.slug(), h.cameraId(), h.displayId(), h.accountId(), resolved.cacheKey());
        List<Future<List<Sample>>> running = new ArrayList<>();
        for (Worker w : workers) {
            w.reset();
            running.add(pool.submit(() -> w.run(round)));
        }
        try {
            waitFor(running, () -> workers.stream().allMatch(w -> w.allows.get() >= ALLOWS_BEFORE),
                    "every worker has seen ALLOWs");
            long changeStarted = System.nanoTime();
            change.run();
            long committed = System.nanoTime();
            round.committed = committed;
            waitFor(running, () -> workers.stream().allMatch(w -> w.sentAfter.get() >= SENT_AFTER),
                    "every worker has sent requests after the commit");
            round.stop = true;
            List<Sample> samples = new ArrayList<>();
            for (Future<List<Sample>> f : running) {
                samples.addAll(f.get(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS));
            }
            return new Outcomes(samples, changeStarted, committed, resolved.cacheKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            round.stop = true;
        }
    }

    /** Polls a condition the workers move; a worker that failed ends the wait with its error. */
    private static void waitFor(List<Future<List<Sample>>> running, BooleanSupplier done, String what) throws Exception {
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            for (Future<List<Sample>> f : running) {
                if (f.isDone()) {
                    f.get(); // rethrows the worker's failure
                    throw new IllegalStateException("a worker stopped early");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting until " + what);
            }
            LockSupport.parkNanos(1_000_000); // no spinning: the machine has two cores for both nodes and the workers
        }
    }

    static final class Round {
        final String vendor;
        final String camera;
        final String display;
        final long requester;
        final String key;
        volatile long committed = Long.MAX_VALUE;
        volatile boolean stop;

        Round(String vendor, String camera, String display, long requester, String key) {
            this.vendor = vendor;
            this.camera = camera;
            this.display = display;
            this.requester = requester;
            this.key = key;
        }
    }

    record Sample(int node, long sent, long answered, int status, String outcome, String reason) {
        boolean allowed() {
            return "ALLOW".equals(outcome);
        }
    }

    static final class Worker {
        final int node;
        final DecisionClient client;
        final AtomicInteger allows = new AtomicInteger();
        final AtomicInteger sentAfter = new AtomicInteger();

        Worker(int node, DecisionClient client) {
            this.node = node;
            this.client = client;
        }

        void reset() {
            allows.set(0);
            sentAfter.set(0);
        }

        List<Sample> run(Round r) {
            List<Sample> samples = new ArrayList<>();
            while (!r.stop) {
                long sent = System.nanoTime();
                Answer a = client.authorize(r.vendor, r.camera, r.display, r.requester, r.key);
                long answered = System.nanoTime();
                Sample s = new Sample(node, sent, answered, a.status(), a.outcome(), a.reason());
                samples.add(s);
                if (s.allowed()) {
                    allows.incrementAndGet();
                }
                if (sent > r.committed) {
                    sentAfter.incrementAndGet();
                }
            }
            return samples;
        }
    }

    // --- what a round saw --------------------------------------------------------------------------

    record Outcomes(List<Sample> samples, long changeStarted, long committed, String key) {

        void check(int round, String reasonAfter, Totals totals) {
            StringBuilder line = new StringBuilder(String.format("%s round %2d: change took %5.1f ms", totals.kind,
                    round, (committed - changeStarted) / 1e6));
            for (int node = 1; node <= 2; node++) {
                int n = node;
                List<Sample> mine = samples.stream().filter(s -> s.node() == n).toList();
                List<Sample> before = mine.stream().filter(s -> s.answered() < changeStarted).toList();
                List<Sample> after = mine.stream().filter(s -> s.sent() > committed).toList();
                long inFlight = mine.size() - before.size() - after.size();
                long allowsBefore = before.stream().filter(Sample::allowed).count();
                long allowsAcross = mine.stream().filter(s -> s.allowed() && s.sent() <= committed
                        && s.answered() >= changeStarted).count();
                long deniedAfter = after.stream().filter(s -> "DENY".equals(s.outcome())
                        && reasonAfter.equals(s.reason())).count();
                line.append(String.format(" | node %d: %4d requests, %4d ALLOW before, %3d across (%3d ALLOW),"
                        + " %4d sent after commit, %4d DENY %s", n, mine.size(), allowsBefore, inFlight,
                        allowsAcross, after.size(), deniedAfter, reasonAfter));
                totals.add(n, mine.size(), allowsBefore, after.size(), deniedAfter);

                assertThat(mine).as("round %d node %d: every answer is a 200", round, n)
                        .allMatch(s -> s.status() == 200);
                assertThat(before).as("round %d node %d: before the change every answer is ALLOW", round, n)
                        .allMatch(Sample::allowed);
                assertThat(allowsBefore).as("round %d node %d: ALLOWs before the change", round, n).isPositive();
                List<String> allowedAfter = after.stream().filter(Sample::allowed)
                        .map(s -> "sent " + (s.sent() - committed) / 1000 + " µs after the commit").toList();
                assertThat(allowedAfter).as("round %d node %d: ALLOWs of requests sent after the commit", round, n)
                        .isEmpty();
                assertThat(deniedAfter).as("round %d node %d: every request sent after the commit is DENY %s", round,
                        n, reasonAfter).isEqualTo(after.size()).isPositive();
            }
            System.out.println(line);
        }
    }

    static final class Totals {
        final String kind;
        final long[] requests = new long[3];
        final long[] allowsBefore = new long[3];
        final long[] after = new long[3];
        final long[] deniedAfter = new long[3];

        Totals(String kind) {
            this.kind = kind;
        }

        void add(int node, long requests, long allowsBefore, long after, long deniedAfter) {
            this.requests[node] += requests;
            this.allowsBefore[node] += allowsBefore;
            this.after[node] += after;
            this.deniedAfter[node] += deniedAfter;
        }

        void print() {
            for (int n = 1; n <= 2; n++) {
                System.out.printf("%s total node %d: %d requests, %d ALLOW before, %d sent after commit, %d DENY after%n",
                        kind, n, requests[n], allowsBefore[n], after[n], deniedAfter[n]);
            }
        }
    }
}
