package io.bridgekeeper.vendor;

import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RunAs;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.support.TestVendors.TestVendor;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test (no assertion on time): how long from the commit of a suspension or a
 * resume on node 1 until node 2 has applied it in memory, over many cycles. Run with
 * {@code ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=KillSwitchPropagationBenchmark -Dcycles=200}.
 * The clock starts when node 1's service call returns (the commit is done) and stops when node 2's
 * kill switch reports the change applied; both nodes run in this JVM, so one nanoTime serves both.
 */
@IntegrationTest
class KillSwitchPropagationBenchmark {

    static ConfigurableApplicationContext node2;

    @Autowired
    SuspensionService suspensions;
    @Autowired
    VendorService vendors;
    @Autowired
    TestVendors testVendors;
    @Autowired
    RunAs run;

    @BeforeAll
    static void startSecondNode(@Autowired HikariDataSource dataSource) {
        node2 = KillSwitchMultiNodeIT.secondNode(dataSource, "bench-node-2");
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void propagation_from_commit_to_the_other_node() throws Exception {
        int cycles = Integer.getInteger("cycles", 100);
        TestVendor v = testVendors.create("bench");
        KillSwitch other = node2.getBean(KillSwitch.class);
        AtomicReference<CompletableFuture<Long>> applied = new AtomicReference<>(new CompletableFuture<>());
        other.onApplied(vendorId -> {
            if (vendorId == v.id()) {
                applied.get().complete(System.nanoTime());
            }
        });

        List<Long> suspend = new ArrayList<>();
        List<Long> resume = new ArrayList<>();
        for (int i = 0; i < cycles + 10; i++) {
            applied.set(new CompletableFuture<>());
            long committed = run.as(DemoAccounts.ADMIN, () -> {
                suspensions.suspend(new SuspendCommand(v.id(), vendors.detail(v.id()).version(), true, null,
                        SuspensionReason.OUTAGE, "benchmark", null, v.slug()));
                return System.nanoTime();
            });
            long s = Math.max(0, applied.get().get(10, TimeUnit.SECONDS) - committed);

            applied.set(new CompletableFuture<>());
            committed = run.as(DemoAccounts.ADMIN, () -> {
                suspensions.requestResume(v.id(), vendors.detail(v.id()).version(), "the fault is fixed");
                return System.nanoTime();
            });
            long r = Math.max(0, applied.get().get(10, TimeUnit.SECONDS) - committed);
            if (i >= 10) { // the first cycles warm up the JIT and the pools
                suspend.add(s);
                resume.add(r);
            }
        }
        List<Long> all = new ArrayList<>(suspend);
        all.addAll(resume);
        System.out.printf("%nKill switch propagation, commit on node 1 -> applied on node 2 (%d cycles, %d cores)%n",
                cycles, Runtime.getRuntime().availableProcessors());
        print("suspend", suspend);
        print("resume", resume);
        print("all", all);
    }

    private static void print(String label, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("  %-8s n=%4d  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", label, sorted.size(),
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
