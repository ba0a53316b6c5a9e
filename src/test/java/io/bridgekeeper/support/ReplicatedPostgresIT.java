package io.bridgekeeper.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The test cluster itself: replicas stream, a commit waits for them, a killed replica comes back. */
class ReplicatedPostgresIT {

    @Test
    void replicas_stream_apply_before_the_commit_returns_and_come_back_after_a_crash() {
        try (ReplicatedPostgres cluster = ReplicatedPostgres.start(2, "ANY 2 (replica1, replica2)")) {
            System.out.println("replication: " + cluster.primary().queryString(
                    "select string_agg(application_name || ' ' || state || ' ' || sync_state, ', ') from pg_stat_replication"));
            System.out.println("receiver: " + cluster.replica(1).queryString("select conninfo from pg_stat_wal_receiver"));
            System.out.println("cluster_name: " + cluster.replica(1).queryString("select current_setting('cluster_name')"));
            cluster.primary().execute("create table probe (id int)");
            cluster.primary().execute("set synchronous_commit = remote_apply; insert into probe values (1)");
            assertThat(cluster.replica(1).queryLong("select count(*) from probe")).isEqualTo(1);
            assertThat(cluster.replica(2).queryLong("select count(*) from probe")).isEqualTo(1);

            cluster.replica(1).kill();
            cluster.replica(1).start();
            cluster.awaitStreaming(Duration.ofSeconds(30));
            cluster.primary().execute("set synchronous_commit = remote_apply; insert into probe values (2)");
            assertThat(cluster.replica(1).queryLong("select count(*) from probe")).isEqualTo(2);
        }
    }
}
