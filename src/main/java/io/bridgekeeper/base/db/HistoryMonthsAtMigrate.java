package io.bridgekeeper.base.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the histories' month partitions for the application's clock right after Flyway migrates, before
 * any bean can write: some write the audit log while the application starts (the secret sealer), and a row
 * whose month has no partition is refused (V121 has no DEFAULT partition). The audit log cannot record
 * this yet; the partitions created are handed to the audit module's first maintenance run
 * ({@code HistoryRetention}), which records them.
 */
@Component
public class HistoryMonthsAtMigrate implements Callback {

    private final List<MonthlyHistory> histories;
    private final Clock clock;
    private final int monthsAhead;
    private final List<String> created = new ArrayList<>();

    HistoryMonthsAtMigrate(List<MonthlyHistory> histories, Clock clock,
                           @Value("${bridgekeeper.retention.months-ahead:3}") int monthsAhead) {
        this.histories = histories;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try (PreparedStatement create = connection.prepareStatement("select history_create_month(?, ?)")) {
            for (MonthlyHistory h : histories) {
                for (YearMonth m : h.monthsToHave(clock.instant(), monthsAhead)) {
                    create.setString(1, h.table());
                    create.setObject(2, m.atDay(1));
                    try (ResultSet rs = create.executeQuery()) {
                        if (rs.next() && rs.getString(1) != null) {
                            synchronized (created) {
                                created.add(rs.getString(1));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the history partitions after migrating", e);
        }
    }

    /** The partitions created since the last call, for the audit log. */
    public List<String> takeCreated() {
        synchronized (created) {
            List<String> taken = List.copyOf(created);
            created.clear();
            return taken;
        }
    }

    @Override
    public String getCallbackName() {
        return "history-months";
    }
}
