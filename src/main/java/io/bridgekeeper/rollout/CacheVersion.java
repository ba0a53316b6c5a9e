package io.bridgekeeper.rollout;

import java.time.Instant;

/** A vendor's named version of its image/stream cache behaviour; one per vendor is stable. */
public record CacheVersion(long id, long vendorId, String label, String description, String releaseNotes,
                           boolean stable, Instant createdAt) {
}
