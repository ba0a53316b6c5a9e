package io.bridgekeeper.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL primary with streaming replicas, all real server processes of the embedded binaries,
 * started by a test (STACK.md, trap 10: the binaries have no {@code pg_basebackup}, so each replica is a
 * copy of the cleanly stopped primary, with {@code standby.signal} and a {@code primary_conninfo}
 * naming it {@code replica1}, {@code replica2}, ...). The primary then makes commits wait for them as
 * {@code synchronous_standby_names} says. Each server keeps its port and data directory, so a replica
 * can be killed (an immediate shutdown, as a crash) and started again; only processes started here are
 * ever stopped (trap 11).
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private final Server primary;
    private final List<Server> replicas = new ArrayList<>();

    private ReplicatedPostgres(Server primary) {
        this.primary = primary;
    }

    /** A primary and {@code count} replicas streaming from it; commits wait as {@code synchronousStandbyNames} says. */
    public static ReplicatedPostgres start(int count, String synchronousStandbyNames) {
        ReplicatedPostgres cluster = null;
        try {
            cluster = new ReplicatedPostgres(new Server("primary", freePort(), Files.createTempDirectory("bk-primary")));
            cluster.primary.start();
            cluster.primary.stop();
            for (int i = 1; i <= count; i++) {
                Server replica = new Server("replica" + i, freePort(), Files.createTempDirectory("bk-replica"));
                copy(cluster.primary.dir, replica.dir);
                Files.deleteIfExists(replica.dir.resolve("postmaster.pid"));
                Files.createFile(replica.dir.resolve("standby.signal"));
                Files.writeString(replica.dir.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=127.0.0.1 port="
                        + cluster.primary.port + " user=postgres application_name=" + replica.name + "'\n",
                        StandardOpenOption.APPEND);
                cluster.replicas.add(replica);
            }
            cluster.primary.start();
            for (Server replica : cluster.replicas) {
                replica.start();
            }
            cluster.primary.execute("alter system set synchronous_standby_names = '" + synchronousStandbyNames + "'");
            cluster.primary.execute("select pg_reload_conf()");
            cluster.awaitStreaming(Duration.ofSeconds(30));
            return cluster;
        } catch (IOException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public String primaryUrl() {
        return primary.url();
    }

    public List<String> replicaUrls() {
        return replicas.stream().map(Server::url).toList();
    }

    public Server primary() {
        return primary;
    }

    /** Replica {@code n}, counted from 1. */
    public Server replica(int n) {
        return replicas.get(n - 1);
    }

    /** Until every replica streams from the primary. */
    public void awaitStreaming(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long streaming = primary.queryLong("select count(*) from pg_stat_replication where state = 'streaming'");
            if (streaming == replicas.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(streaming + " of " + replicas.size() + " replicas stream after " + limit);
            }
            sleep(50);
        }
    }

    @Override
    public void close() {
        for (Server replica : replicas) {
            replica.destroy();
        }
        primary.destroy();
    }

    /** One server process of the cluster, on a fixed port and data directory. */
    public static final class Server {
        final String name;
        final int port;
        final Path dir;
        private volatile EmbeddedPostgres postgres;

        Server(String name, int port, Path dir) {
            this.name = name;
            this.port = port;
            this.dir = dir;
        }

        public String name() {
            return name;
        }

        public String url() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }

        public synchronized void start() {
            try {
                postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir.toFile())
                        .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                        .setServerConfig("wal_keep_size", "512MB").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A clean shutdown. */
        public synchronized void stop() {
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    postgres = null;
                }
            }
        }

        /**
         * As a crash: the postmaster gets SIGQUIT (PostgreSQL's immediate shutdown: no checkpoint, every
         * backend ends at once), and recovery runs at the next start.
         */
        public synchronized void kill() {
            Path pidFile = dir.resolve("postmaster.pid");
            try {
                long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
                new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start().waitFor();
                process.onExit().get();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (Files.exists(pidFile) && System.nanoTime() < deadline) {
                    sleep(20);
                }
                Files.deleteIfExists(pidFile);
                // releases zonky's lock on the data directory; its stop finds no server and says so
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("could not kill " + name, e);
            }
            postgres = null;
        }

        /** CPU time so far of this server: the postmaster and every process it started (backends, WAL sender or receiver). */
        public long cpuNanos() {
            try {
                long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).getFirst().trim());
                return ProcessHandle.of(pid).map(p -> Stream.concat(Stream.of(p), p.descendants())
                        .mapToLong(h -> h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum()).orElse(0L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void destroy() {
            try {
                stop();
            } catch (RuntimeException e) {
                // the data directory goes anyway
            }
            FileSystemUtils.deleteRecursively(dir.toFile());
        }

        public void execute(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": " + sql, e);
            }
        }

        public long queryLong(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": " + sql, e);
            }
        }

        public String queryString(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": " + sql, e);
            }
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(url(), "postgres", "");
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    // PostgreSQL refuses a data directory that others may read
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
