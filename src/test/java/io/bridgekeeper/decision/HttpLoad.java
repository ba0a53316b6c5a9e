package io.bridgekeeper.decision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load on loopback: a fixed number of keep-alive connections, each sending a
 * request, reading the whole answer and sending the next one at once, so exactly {@code inFlight}
 * requests are in flight all the time. Like wrk, one thread drives every connection from a selector:
 * the load runs in the server's JVM on the same two cores, and one event loop costs a fraction of the
 * CPU (and none of the context switches) of a blocking thread per connection, which leaves the cores to
 * the server and its JIT compiler. Each request is picked at random from pre-built bytes; every answer
 * must be a 200 whose body passes the check (otherwise it counts as an error). Latency is from the
 * request's first byte written to the answer's last byte read, recorded in microseconds in an
 * HdrHistogram. Because the loop is closed, latency is service time at this concurrency (a slower
 * server gets fewer requests, not a queue); that is the measure the target "p99 at a fixed
 * concurrency" asks for.
 */
final class HttpLoad {

    /**
     * What a run did. CPU times are of the whole run: {@code serverNanos} is this JVM's minus the load
     * generator's thread (so the app with its GC and JIT), {@code postgresNanos} the database processes'.
     */
    record Result(long requests, long errors, long reconnects, double seconds, Histogram micros, long serverNanos,
                  long postgresNanos, long clientNanos) {
        double perSecond() {
            return requests / seconds;
        }

        /** Microseconds of CPU per request. */
        double cpuMicros(long nanos) {
            return nanos / 1000.0 / requests;
        }

        double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final byte[] END_OF_CHUNKS = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress server;
    private final List<Connection> connections = new ArrayList<>();

    HttpLoad(int port, int concurrency) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < concurrency; i++) {
            connections.add(new Connection());
        }
    }

    /** Pre-built request bytes: {@code POST path} with these headers and a JSON body. */
    static byte[] post(int port, String path, String credential, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer "
                + credential + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(body, 0, all, head8.length, body.length);
        return all;
    }

    /** Runs the requests for this long from every connection at once. */
    Result run(byte[][] requests, Predicate<String> bodyOk, Duration duration) throws InterruptedException {
        return run(requests, bodyOk, duration, connections.size());
    }

    /** Runs the requests for this long from the first {@code inFlight} connections at once. */
    Result run(byte[][] requests, Predicate<String> bodyOk, Duration duration, int inFlight) throws InterruptedException {
        Loop loop = new Loop(connections.subList(0, Math.min(inFlight, connections.size())), requests, bodyOk,
                duration.toNanos());
        Thread thread = Thread.ofPlatform().name("http-load").unstarted(loop);
        long jvm = CpuTime.jvmNanos();
        long postgres = CpuTime.postgresNanos();
        thread.start();
        thread.join();
        if (loop.failure != null) {
            throw new UncheckedIOException(loop.failure);
        }
        long jvmNanos = CpuTime.jvmNanos() - jvm;
        long postgresNanos = CpuTime.postgresNanos() - postgres;
        return new Result(loop.done, loop.errors, loop.reconnects, loop.seconds, loop.micros, jvmNanos - loop.cpuNanos,
                postgresNanos, loop.cpuNanos);
    }

    void close() {
        connections.forEach(Connection::close);
    }

    /** One event loop over the connections of a run. */
    private final class Loop implements Runnable {
        final List<Connection> active;
        final byte[][] requests;
        final Predicate<String> bodyOk;
        final long nanos;
        final Histogram micros = new Histogram(3);
        final SplittableRandom random = new SplittableRandom();
        long done;
        long errors;
        long reconnects;
        long cpuNanos;
        double seconds;
        IOException failure;

        Loop(List<Connection> active, byte[][] requests, Predicate<String> bodyOk, long nanos) {
            this.active = active;
            this.requests = requests;
            this.bodyOk = bodyOk;
            this.nanos = nanos;
        }

        @Override
        public void run() {
            long cpu = CpuTime.threadNanos();
            try (Selector selector = Selector.open()) {
                long started = System.nanoTime();
                long end = started + nanos;
                for (Connection c : active) {
                    send(selector, c);
                }
                while (System.nanoTime() < end) {
                    selector.select(50);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection c = (Connection) key.attachment();
                        try {
                            if (key.isValid() && key.isWritable()) {
                                c.flush(key);
                            }
                            if (key.isValid() && key.isReadable() && c.read()) {
                                answered(c);
                                if (System.nanoTime() < end) {
                                    send(selector, c);
                                }
                            }
                        } catch (IOException e) {
                            errors++;
                            c.close();
                            if (System.nanoTime() < end) {
                                send(selector, c);
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
                // answers still in flight when the time is up are not counted; their connections are reset
                for (Connection c : active) {
                    if (c.waiting) {
                        c.close();
                    }
                }
                seconds = (System.nanoTime() - started) / 1e9;
            } catch (IOException e) {
                failure = e;
            }
            cpuNanos = CpuTime.threadNanos() - cpu;
        }

        private void send(Selector selector, Connection c) throws IOException {
            if (c.open(selector)) {
                reconnects++;
            }
            c.send(requests[random.nextInt(requests.length)]);
        }

        private void answered(Connection c) {
            micros.recordValue(Math.max(1, (System.nanoTime() - c.sentAt) / 1_000));
            done++;
            if (c.status != 200 || !bodyOk.test(c.body())) {
                errors++;
                if (errors <= 3) {
                    System.out.println("HTTP unexpected answer " + c.status + ": " + c.body());
                }
            }
            if (c.closeAfter) {
                c.close();
            }
        }
    }

    /** One keep-alive connection: the request being written and the answer being read. */
    private final class Connection {
        SocketChannel channel;
        SelectionKey key;
        boolean everOpened;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long sentAt;
        boolean waiting;
        // the answer, once read whole
        int status;
        boolean closeAfter;
        private int bodyStart;
        private int bodyLength;
        private boolean chunked;

        /** Connects if not connected; true when it had to (a reconnect after the first time). */
        boolean open(Selector selector) throws IOException {
            if (channel != null) {
                if (key.selector() != selector) {
                    // still open from the previous run, whose selector is closed
                    key = channel.register(selector, SelectionKey.OP_READ, this);
                }
                return false;
            }
            boolean again = everOpened;
            everOpened = true;
            channel = SocketChannel.open(server);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            return again;
        }

        void send(byte[] request) throws IOException {
            in.clear();
            out = ByteBuffer.wrap(request);
            waiting = true;
            sentAt = System.nanoTime();
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void flush(SelectionKey key) throws IOException {
            channel.write(out);
            if (!out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        /** Reads what arrived; true once the whole answer is in. */
        boolean read() throws IOException {
            if (!in.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                in.flip();
                bigger.put(in);
                in = bigger;
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the server");
            }
            if (!complete()) {
                return false;
            }
            waiting = false;
            return true;
        }

        private boolean complete() {
            byte[] a = in.array();
            int n = in.position();
            int headEnd = indexOf(a, n, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headEnd < 0) {
                return false;
            }
            String head = new String(a, 0, headEnd, StandardCharsets.US_ASCII);
            status = Integer.parseInt(head.substring(9, 12));
            bodyStart = headEnd + 4;
            bodyLength = 0;
            chunked = false;
            closeAfter = false;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    bodyLength = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            if (chunked) {
                return n - bodyStart >= END_OF_CHUNKS.length - 2 && endsWith(a, n, END_OF_CHUNKS);
            }
            return n >= bodyStart + bodyLength;
        }

        /** The answer's body, chunks joined. */
        String body() {
            byte[] a = in.array();
            if (!chunked) {
                return new String(a, bodyStart, bodyLength, StandardCharsets.UTF_8);
            }
            StringBuilder body = new StringBuilder();
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(a, at, in.position(), (byte) '\r');
                String size = new String(a, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
                int length = Integer.parseInt(size, 16);
                if (length == 0) {
                    return body.toString();
                }
                body.append(new String(a, lineEnd + 2, length, StandardCharsets.UTF_8));
                at = lineEnd + 2 + length + 2;
            }
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            channel = null;
            key = null;
            waiting = false;
        }
    }

    private static int indexOf(byte[] a, int n, byte[] what) {
        outer:
        for (int i = 0; i <= n - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (a[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int indexOf(byte[] a, int from, int n, byte b) {
        for (int i = from; i < n; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWith(byte[] a, int n, byte[] what) {
        if (n < what.length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (a[n - what.length + j] != what[j]) {
                return false;
            }
        }
        return true;
    }
}
