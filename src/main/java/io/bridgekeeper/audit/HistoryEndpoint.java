package io.bridgekeeper.audit;

import io.bridgekeeper.base.db.MonthlyHistory;
import io.bridgekeeper.base.db.MonthlyPartitions.Partition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/history}: for operators, each partitioned history's policy and month partitions (as the
 * last maintenance run saw them) and the audit months archived out of the database.
 */
@Component
@Endpoint(id = "history")
class HistoryEndpoint {

    private final HistoryRetention retention;
    private final AuditChain chain;
    private final AuditArchive archive;

    HistoryEndpoint(HistoryRetention retention, AuditChain chain, AuditArchive archive) {
        this.retention = retention;
        this.chain = chain;
        this.archive = archive;
    }

    record Month(String month, String partition, boolean attached, long bytes) {
    }

    record History(String keep, boolean archivedFirst, List<Month> partitions) {
    }

    record State(Map<String, History> histories, boolean auditArchiving, List<ArchivedMonth> auditArchive) {
    }

    @ReadOperation
    State history() {
        Map<String, List<Partition>> state = retention.state();
        Map<String, History> histories = new LinkedHashMap<>();
        for (MonthlyHistory h : retention.histories()) {
            histories.put(h.table(), new History(h.keep().toString(), h.archived(), state.get(h.table()).stream()
                    .map(p -> new Month(p.month().toString(), p.name(), p.attached(), p.bytes())).toList()));
        }
        return new State(histories, archive.enabled(), chain.archivedMonths());
    }
}
