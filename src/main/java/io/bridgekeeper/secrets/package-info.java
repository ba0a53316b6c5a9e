/**
 * Secrets at rest: every secret the database holds (cache-key signing secrets, webhook signing
 * secrets) is sealed with a master key that is not in the database. Other modules seal and unseal
 * through {@link io.bridgekeeper.secrets.SecretSealer}; this module also seals what an older version
 * left in clear and re-encrypts everything under the current master key when a node starts (it names
 * the sealed columns of other modules' tables in {@code SealedColumn}, the one exception to table ownership).
 *
 * <p>Owns no tables.
 */
@ApplicationModule
package io.bridgekeeper.secrets;

import org.springframework.modulith.ApplicationModule;
