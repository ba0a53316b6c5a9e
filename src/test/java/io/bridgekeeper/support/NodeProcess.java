package io.bridgekeeper.support;

import io.bridgekeeper.Application;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An app node in a JVM process of its own (for what an in-JVM node cannot show: SIGTERM, kill -9),
 * started from the test's class path on the given database. Only this process is ever signalled, by
 * its own handle; {@link #close()} kills it if it still runs, so a failed test leaves nothing behind.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private NodeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static NodeProcess start(String jdbcUrl, String user, String password, String nodeId, String... extraArgs)
            throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--bridgekeeper.db.url=" + jdbcUrl, "--bridgekeeper.db.user=" + user,
                "--bridgekeeper.db.password=" + (password == null ? "" : password),
                "--bridgekeeper.demo-data=false", "--bridgekeeper.node-id=" + nodeId,
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        command.addAll(List.of(extraArgs));
        Path log = Files.createDirectories(Path.of("target", "node-processes")).resolve(nodeId + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(new File(".")).start();
        return new NodeProcess(process, port, log);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the node's readiness says UP (the node has started, listens and has loaded its state). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node process exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    int status = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("node process not ready within " + timeout + "; see " + log);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** SIGTERM, as an orchestrator stops a node. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the node dies without running anything. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
