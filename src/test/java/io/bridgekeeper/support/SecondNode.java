package io.bridgekeeper.support;

import com.zaxxer.hikari.HikariDataSource;
import io.bridgekeeper.Application;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A second instance of the application, with its own web server on a free port, on the test's
 * database: another node. Vaadin installs its security-context holder strategy JVM-wide when a
 * context starts; the first context's strategy is put back at once, so the tests (and
 * {@code @WithUserDetails}) keep talking to the first node while the second runs with its own beans.
 */
public final class SecondNode {

    private SecondNode() {
    }

    public static ConfigurableApplicationContext start(HikariDataSource dataSource, String nodeId, String... extraArgs) {
        return start(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword(), nodeId, extraArgs);
    }

    /** A node on the database at {@code jdbcUrl} (a server of the test's own, for instance). */
    public static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, String nodeId,
                                                       String... extraArgs) {
        SecurityContextHolderStrategy first = SecurityContextHolder.getContextHolderStrategy();
        List<String> args = new ArrayList<>(List.of(
                // arguments, not builder properties: those are defaults that application.properties overrides
                "--bridgekeeper.db.url=" + jdbcUrl,
                "--bridgekeeper.db.user=" + user,
                "--bridgekeeper.db.password=" + (password == null ? "" : password),
                "--bridgekeeper.demo-data=false", "--bridgekeeper.node-id=" + nodeId,
                "--bridgekeeper.db.pool-size=3", "--server.port=0", "--spring.main.banner-mode=off"));
        for (String extra : extraArgs) {
            // an extra argument replaces the default of the same name (Spring would join the two with a comma)
            String name = extra.contains("=") ? extra.substring(0, extra.indexOf('=') + 1) : extra;
            args.removeIf(a -> a.startsWith(name));
            args.add(extra);
        }
        try {
            return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        } finally {
            SecurityContextHolder.setContextHolderStrategy(first);
        }
    }
}
