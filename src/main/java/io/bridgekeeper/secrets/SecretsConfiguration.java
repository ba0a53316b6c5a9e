package io.bridgekeeper.secrets;

import io.bridgekeeper.audit.AuditLog;
import io.bridgekeeper.base.db.DatabaseMode;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one {@link SecretSealer}. Making it runs {@link SecretResealing} first, so no component that
 * reads a secret (they all need the sealer) can start before every value is sealed under the
 * current key and known to unseal. A KMS-backed sealer would be constructed here instead of
 * {@link AesGcmSecretSealer}.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretSealer secretSealer(Environment env, DatabaseMode databaseMode,
                              @Value("${bridgekeeper.secrets.master-key:}") String masterKey,
                              @Value("${bridgekeeper.secrets.master-key-file:}") String masterKeyFile,
                              @Value("${bridgekeeper.secrets.dev-key-file:${user.home}/.bridgekeeper/master-key}") String devKeyFile,
                              JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        boolean production = env.acceptsProfiles(Profiles.of("production"));
        boolean embedded = databaseMode == DatabaseMode.EMBEDDED;
        String why = production ? "the production profile is on" : "a development key is only used on the embedded "
                + "demo database, and DB_URL names a server";
        MasterKeyRing ring = MasterKeySource.resolve(masterKey, masterKeyFile, Path.of(devKeyFile),
                embedded && !production, why);
        AesGcmSecretSealer sealer = new AesGcmSecretSealer(ring);
        new SecretResealing(jdbc, tx, audit).run(sealer);
        return sealer;
    }
}
