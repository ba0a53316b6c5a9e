package io.bridgekeeper.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --audit-verify}: verifies the audit chain of the configured database, prints the result and
 * exits with 0 when intact and 2 when broken, so it can run from cron or a CI job:
 * {@code DB_URL=... ./mvnw spring-boot:run -Dspring-boot.run.arguments=--audit-verify}.
 */
@Component
@Order(100)
class AuditVerifyCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);
    static final String FLAG = "audit-verify";

    private final AuditChain chain;
    private final ConfigurableApplicationContext context;

    AuditVerifyCommand(AuditChain chain, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(FLAG)) {
            return;
        }
        ChainVerification result = chain.verify();
        System.out.println(result.summary());
        log.info("--audit-verify: {}", result.summary());
        int code = result.intact() ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
