package io.bridgekeeper.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * A vendor's webhook endpoint on loopback: records every request (with the time it arrived) and
 * answers as the test chooses for the n-th request (0-based): a status, headers, a body, or no answer
 * for a while (a hanging vendor). Requests are served concurrently, so a hanging one blocks no other.
 */
public final class FakeVendorEndpoint implements AutoCloseable {

    public record Received(Map<String, List<String>> headers, String path, String body, int answered, long atNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public long deliveryId() {
            return Long.parseLong(header("X-Bridgekeeper-Delivery"));
        }
    }

    /** How to answer one request: hang first for {@code hangMillis}, then the status, headers and body. */
    public record Answer(int status, Map<String, String> headers, String body, long hangMillis) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), status >= 300 ? "vendor is down" : "ok", 0);
        }

        public static Answer hang(long millis) {
            return new Answer(200, Map.of(), "late", millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeVendorEndpoint(IntUnaryOperator statusForRequest) throws IOException {
        this(n -> Answer.status(statusForRequest.applyAsInt(n)), 0);
    }

    /** An endpoint that answers the n-th request with {@code answerForRequest.apply(n)}. */
    public static FakeVendorEndpoint answering(IntFunction<Answer> answerForRequest) throws IOException {
        return new FakeVendorEndpoint(answerForRequest, 0);
    }

    private FakeVendorEndpoint(IntFunction<Answer> answerForRequest, int backlog) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (received) {
                answer = answerForRequest.apply(received.size());
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestURI().getPath(),
                        body, answer.status(), System.nanoTime()));
            }
            try {
                if (answer.hangMillis() > 0) {
                    Thread.sleep(answer.hangMillis());
                }
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (a timeout): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
