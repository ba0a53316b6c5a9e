package io.bridgekeeper.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of delivery observations (this module's table) and the device lookups that check them. */
@Repository
class ObservationStore {

    /** A device as an observation names it, with its owner now. */
    record DeviceRow(long id, Long vendorId, Long ownerAccountId) {
    }

    /** One observation as stored. */
    record Row(Instant receivedAt, Instant observedAt, String reportedBy, long vendorId, long displayDeviceId,
               long contentDeviceId, Long displayOwnerAccountId, Long contentOwnerAccountId,
               Long cacheKeyOwnerAccountId, Long cacheVersionId, Long rolloutId, Integer rolloutPercent,
               boolean probe, String outcome, Long incidentId) {
    }

    private final JdbcClient jdbc;

    ObservationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live (not removed) device of a vendor, or a platform device when {@code vendorId} is null. */
    Optional<DeviceRow> device(Long vendorId, String vendorDeviceId) {
        return jdbc.sql("""
                        select id, vendor_id, owner_account_id from device_directory
                        where vendor_id is not distinct from :vendor and vendor_device_id = :device and state <> 'REMOVED'
                        """)
                .param("vendor", vendorId).param("device", vendorDeviceId)
                .query(DeviceRow.class).optional();
    }

    void insert(Row r) {
        jdbc.sql("""
                        insert into delivery_observation (received_at, observed_at, reported_by, vendor_id,
                            display_device_id, content_device_id, display_owner_account_id, content_owner_account_id,
                            cache_key_owner_account_id, cache_version_id, rollout_id, rollout_percent, probe, outcome,
                            incident_id)
                        values (:receivedAt, :observedAt, :reportedBy, :vendorId, :displayDeviceId, :contentDeviceId,
                            :displayOwnerAccountId, :contentOwnerAccountId, :cacheKeyOwnerAccountId, :cacheVersionId,
                            :rolloutId, :rolloutPercent, :probe, :outcome, :incidentId)
                        """)
                .param("receivedAt", Timestamp.from(r.receivedAt())).param("observedAt", Timestamp.from(r.observedAt()))
                .param("reportedBy", r.reportedBy()).param("vendorId", r.vendorId())
                .param("displayDeviceId", r.displayDeviceId()).param("contentDeviceId", r.contentDeviceId())
                .param("displayOwnerAccountId", r.displayOwnerAccountId())
                .param("contentOwnerAccountId", r.contentOwnerAccountId())
                .param("cacheKeyOwnerAccountId", r.cacheKeyOwnerAccountId()).param("cacheVersionId", r.cacheVersionId())
                .param("rolloutId", r.rolloutId()).param("rolloutPercent", r.rolloutPercent())
                .param("probe", r.probe()).param("outcome", r.outcome()).param("incidentId", r.incidentId())
                .update();
    }
}
