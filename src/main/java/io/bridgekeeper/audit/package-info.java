/**
 * The record: the append-only, hash-chained audit log, incidents with their timelines, isolation
 * violations and exposure reports.
 *
 * <p>Owns the tables: {@code audit_event}, {@code audit_archive}, {@code incident}, {@code incident_note}, {@code isolation_violation}.
 *
 * <p>Offers: {@link io.bridgekeeper.audit.AuditLog}, {@link io.bridgekeeper.audit.IncidentService},
 * {@link io.bridgekeeper.audit.IncidentTimeline} (other modules add to it through
 * {@link io.bridgekeeper.audit.IncidentTimelineSource}), {@link io.bridgekeeper.audit.ExposureReports}.
 *
 * <p>Data: incidents' SQL is in the package-private {@code IncidentStore}; the chain ({@code AuditLog},
 * {@code AuditChain}) and the read models ({@code AuditSearch}, {@code ExposureReports},
 * {@code IncidentTimeline}) are SQL over this module's tables and nothing else. Names and the partner
 * scope come through the views of security, vendor, device and rollout.
 */
@ApplicationModule
package io.bridgekeeper.audit;

import org.springframework.modulith.ApplicationModule;
