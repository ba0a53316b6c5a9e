/**
 * The decision API, the hot path: resolve and authorize for the data plane from an in-memory state
 * kept fresh by NOTIFY, service credentials and cache-key secrets, and delivery observations. The hot
 * path ({@code DecisionState}, {@code DeviceReads}) keeps hand-tuned SQL, with positional reads, over
 * the devices, links and rollouts it reads through their owners' views on every call: one statement
 * per coalesced batch, index-only where it can be. Credentials' and signing secrets' SQL is in the
 * package-private {@code CredentialStore}.
 *
 * <p>Owns the tables: {@code service_credential}, {@code service_credential_vendor}, {@code cache_key_secret},
 * {@code credential_mismatch}, {@code delivery_observation}, {@code device_access}.
 *
 * <p>Publishes the views: {@code probe_observation}.
 *
 * <p>Offers: {@link io.bridgekeeper.decision.DecisionService}, {@link io.bridgekeeper.decision.ObservationService},
 * {@link io.bridgekeeper.decision.ServiceCredentialService}, {@link io.bridgekeeper.decision.AccessHistory}.
 */
@ApplicationModule
package io.bridgekeeper.decision;

import org.springframework.modulith.ApplicationModule;
