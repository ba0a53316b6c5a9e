package io.bridgekeeper.secrets;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.AuditActor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs before any component can read a secret (it is part of making the {@link SecretSealer}
 * bean): in one transaction, under a cluster-wide lock, it seals every value still in clear (rows
 * written before V105, which cannot seal since the key is not in the database), re-encrypts every
 * value sealed under a key that is not current (rotation), unseals every other value once (a wrong
 * or missing key stops the start here, with the row it failed on, instead of failing later), and
 * then has PostgreSQL validate the constraints that refuse clear values. Audited when it changed
 * anything; never logs or audits a secret.
 */
final class SecretResealing {

    static final AuditActor ACTOR = AuditActor.system("secret sealing at start-up");
    private static final Logger log = LoggerFactory.getLogger(SecretResealing.class);

    record Row(String id, String value, byte[] legacy) {
    }

    /** What one pass did: values per key before, values sealed from clear, values re-encrypted. */
    record Outcome(Map<String, Integer> keysBefore, int sealedFromClear, int reencrypted, int total) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    SecretResealing(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    Outcome run(SecretSealer sealer) {
        Outcome outcome = tx.execute(status -> pass(sealer));
        for (SealedColumn c : SealedColumn.ALL) {
            validate(c);
        }
        log.info("Sealed secrets: {} values, all under master key '{}'; {} sealed from clear, {} re-encrypted "
                        + "from {}", outcome.total(), sealer.currentKeyId(), outcome.sealedFromClear(),
                outcome.reencrypted(), outcome.keysBefore());
        return outcome;
    }

    private Outcome pass(SecretSealer sealer) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('bridgekeeper-secret-sealing'))").query().listOfRows();
        String current = sealer.currentKeyId();
        Map<String, Integer> keysBefore = new TreeMap<>();
        Map<String, Object> perColumn = new LinkedHashMap<>();
        int fromClear = 0;
        int reencrypted = 0;
        int total = 0;
        for (SealedColumn c : SealedColumn.ALL) {
            int columnFromClear = 0;
            int columnReencrypted = 0;
            for (Row row : rows(c)) {
                total++;
                byte[] plaintext;
                if (row.legacy() != null) {
                    plaintext = row.legacy();
                    keysBefore.merge("clear", 1, Integer::sum);
                    columnFromClear++;
                } else if (!SecretSealer.isSealed(row.value())) {
                    plaintext = row.value() == null ? null : row.value().getBytes(StandardCharsets.UTF_8);
                    keysBefore.merge("clear", 1, Integer::sum);
                    columnFromClear++;
                } else {
                    String kid = sealer.keyIdOf(row.value());
                    keysBefore.merge(kid, 1, Integer::sum);
                    plaintext = unseal(sealer, c, row);
                    if (kid.equals(current)) {
                        continue;
                    }
                    columnReencrypted++;
                }
                if (plaintext == null) {
                    throw new SealedSecretException(c.name() + " of row " + row.id() + " holds no secret at all");
                }
                update(c, row.id(), sealer.seal(plaintext));
            }
            fromClear += columnFromClear;
            reencrypted += columnReencrypted;
            if (columnFromClear + columnReencrypted > 0) {
                perColumn.put(c.name(), Map.of("sealedFromClear", columnFromClear, "reencrypted", columnReencrypted));
            }
        }
        if (!perColumn.isEmpty()) {
            audit.record(ACTOR, SecretsAuditAction.SECRETS_RESEALED, "master_key", current, null,
                    Map.of("valuesByKey", keysBefore), Map.of("currentKey", current, "changed", perColumn));
        }
        return new Outcome(Map.copyOf(keysBefore), fromClear, reencrypted, total);
    }

    private List<Row> rows(SealedColumn c) {
        String legacy = c.legacyBytesColumn() == null ? "null::bytea" : c.legacyBytesColumn();
        return jdbc.sql("select " + c.idColumn() + "::text as id, " + c.column() + " as value, " + legacy
                        + " as legacy from " + c.table() + " where " + c.column() + " is not null or " + legacy
                        + " is not null order by 1 for update")
                .query(Row.class).list();
    }

    private static byte[] unseal(SecretSealer sealer, SealedColumn c, Row row) {
        try {
            return sealer.unseal(row.value());
        } catch (SealedSecretException e) {
            // the row named in front of the sealer's reason; the reason's own stack adds nothing
            throw new SealedSecretException("Cannot unseal " + c.name() + " of row " + row.id() + ": " + e.getMessage());
        }
    }

    private void update(SealedColumn c, String id, String sealed) {
        String clearLegacy = c.legacyBytesColumn() == null ? "" : ", " + c.legacyBytesColumn() + " = null";
        jdbc.sql("update " + c.table() + " set " + c.column() + " = :sealed" + clearLegacy + " where " + c.idColumn()
                        + "::text = :id")
                .param("sealed", sealed).param("id", id).update();
    }

    /** Once every row is sealed, PostgreSQL itself refuses clear values in old rows too. */
    private void validate(SealedColumn c) {
        Boolean valid = jdbc.sql("select convalidated from pg_constraint where conname = :name")
                .param("name", c.constraint()).query(Boolean.class).optional().orElse(null);
        if (valid == null) {
            throw new SealedSecretException("The constraint " + c.constraint() + " on " + c.table()
                    + " is missing: the V105 migration has not run");
        }
        if (!valid) {
            jdbc.sql("alter table " + c.table() + " validate constraint " + c.constraint()).update();
        }
    }
}
