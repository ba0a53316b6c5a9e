/**
 * The record: the append-only, hash-chained audit log, incidents with their timelines, isolation
 * violations and exposure reports.
 *
 * <p>Owns the tables: {@code audit_event}, {@code incident}, {@code incident_note}, {@code isolation_violation}.
 *
 * <p>Offers: {@link io.bridgekeeper.audit.AuditLog}, {@link io.bridgekeeper.audit.IncidentService},
 * {@link io.bridgekeeper.audit.IncidentTimeline} (other modules add to it through
 * {@link io.bridgekeeper.audit.IncidentTimelineSource}), {@link io.bridgekeeper.audit.ExposureReports}.
 */
@ApplicationModule
package io.bridgekeeper.audit;

import org.springframework.modulith.ApplicationModule;
