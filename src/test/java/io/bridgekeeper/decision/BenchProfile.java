package io.bridgekeeper.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import one.profiler.AsyncProfiler;

/**
 * An optional async-profiler session around one measured run of a benchmark: with
 * {@code -Dbench.profile=cpu} (or another async-profiler event, e.g. {@code alloc} or {@code wall}) the
 * run's flame graph goes to {@code target/bench-profiles/<name>-<event>.html}, next to its collapsed
 * stacks (frame types annotated) for scripts. Without the property it does nothing.
 */
final class BenchProfile {

    private final String file;

    private BenchProfile(String file) {
        this.file = file;
    }

    static BenchProfile start(String name) {
        String event = System.getProperty("bench.profile", "");
        if (event.isBlank()) {
            return new BenchProfile(null);
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench-profiles"));
            String file = dir.resolve(name.replace('/', '-') + "-" + event + ".html").toAbsolutePath().toString();
            AsyncProfiler.getInstance().execute("start,event=" + event + ",interval=1ms");
            return new BenchProfile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        if (file == null) {
            return;
        }
        try {
            AsyncProfiler.getInstance().execute("dump,collapsed,ann,file=" + file.replace(".html", ".collapsed"));
            AsyncProfiler.getInstance().execute("stop,file=" + file);
            System.out.println("Profile: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
