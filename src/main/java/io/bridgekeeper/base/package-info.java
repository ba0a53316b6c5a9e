/**
 * Shared building blocks every module may use: the main layout and small UI parts, the problem
 * responses of the APIs, the database set-up, the audit actor and domain exception types, and the
 * cluster's nodes.
 *
 * <p>Owns the tables: {@code app_node}, {@code shedlock}, {@code event_publication},
 * {@code event_publication_archive}.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.bridgekeeper.base;

import org.springframework.modulith.ApplicationModule;
