package io.bridgekeeper.decision;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP/1.1 load on loopback: a fixed number of keep-alive connections, each driven by its
 * own thread that sends a request, reads the whole answer, and sends the next one at once, so exactly
 * {@code concurrency} requests are in flight all the time. Plain sockets rather than
 * {@code java.net.http.HttpClient}: the load runs in the server's JVM on the same two cores, and a
 * lean client leaves more of them to the server. Each request is picked at random from pre-built
 * bytes; every answer must be a 200 whose body passes the check (otherwise it counts as an error).
 * Latency is from the first byte written to the last byte read, recorded in microseconds in an
 * HdrHistogram. Because the loop is closed, latency is service time at this concurrency (a slower
 * server gets fewer requests, not a queue); that is the measure the target "p99 at a fixed
 * concurrency" asks for.
 */
final class HttpLoad {

    /**
     * What a run did. CPU times are of the whole run: {@code serverNanos} is this JVM's minus the load
     * generator's threads (so the app with its GC and JIT), {@code postgresNanos} the database processes'.
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

    private final int port;
    private final List<Connection> connections = new ArrayList<>();

    HttpLoad(int port, int concurrency) {
        this.port = port;
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
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        for (Connection c : connections) {
            Worker w = new Worker(c, requests, bodyOk, stop);
            workers.add(w);
            threads.add(Thread.ofPlatform().name("http-load-" + threads.size()).start(w));
        }
        long started = System.nanoTime();
        long jvm = CpuTime.jvmNanos();
        long postgres = CpuTime.postgresNanos();
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long jvmNanos = CpuTime.jvmNanos() - jvm;
        long postgresNanos = CpuTime.postgresNanos() - postgres;
        Histogram all = new Histogram(3);
        long requestsDone = 0;
        long errors = 0;
        long reconnects = 0;
        long client = 0;
        for (Worker w : workers) {
            all.add(w.micros);
            requestsDone += w.done;
            errors += w.errors;
            reconnects += w.reconnects;
            client += w.cpuNanos;
        }
        return new Result(requestsDone, errors, reconnects, seconds, all, jvmNanos - client, postgresNanos, client);
    }

    void close() {
        connections.forEach(Connection::close);
    }

    private final class Worker implements Runnable {
        final Connection connection;
        final byte[][] requests;
        final Predicate<String> bodyOk;
        final AtomicBoolean stop;
        final Histogram micros = new Histogram(3);
        long done;
        long errors;
        long reconnects;
        long cpuNanos;

        Worker(Connection connection, byte[][] requests, Predicate<String> bodyOk, AtomicBoolean stop) {
            this.connection = connection;
            this.requests = requests;
            this.bodyOk = bodyOk;
            this.stop = stop;
        }

        @Override
        public void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long cpu = CpuTime.threadNanos();
            while (!stop.get()) {
                byte[] request = requests[random.nextInt(requests.length)];
                long t = System.nanoTime();
                try {
                    if (connection.open()) {
                        reconnects++;
                    }
                    Answer a = connection.exchange(request);
                    micros.recordValue(Math.max(1, (System.nanoTime() - t) / 1_000));
                    done++;
                    if (a.status != 200 || !bodyOk.test(a.body)) {
                        errors++;
                        if (errors <= 3) {
                            System.out.println("HTTP unexpected answer " + a.status + ": " + a.body);
                        }
                    }
                    if (a.close) {
                        connection.close();
                    }
                } catch (IOException e) {
                    errors++;
                    connection.close();
                }
            }
            cpuNanos = CpuTime.threadNanos() - cpu;
        }
    }

    record Answer(int status, String body, boolean close) {
    }

    private final class Connection {
        Socket socket;
        InputStream in;
        OutputStream out;

        /** Connects if not connected; true when it had to (a reconnect after the first time). */
        boolean open() throws IOException {
            if (socket != null) {
                return false;
            }
            boolean again = in != null;
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            return again;
        }

        Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            return new Answer(code, body.toString(StandardCharsets.UTF_8), close);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
