package io.bridgekeeper.vendor;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** One suspension of a vendor: ACTIVE → (RESUME_REQUESTED →) LIFTED. */
@Entity
@Table(name = "suspension")
class Suspension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id")
    private long vendorId;

    @Column(name = "all_capabilities")
    private boolean allCapabilities;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "suspension_capability", joinColumns = @JoinColumn(name = "suspension_id"))
    @Column(name = "capability")
    @Enumerated(EnumType.STRING)
    private Set<Capability> capabilities = new HashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    private SuspensionReason reasonCode;

    @Column(name = "reason_text")
    private String reasonText;

    @Column(name = "expected_restoration_at")
    private Instant expectedRestorationAt;

    @Enumerated(EnumType.STRING)
    private SuspensionStatus status;

    @Column(name = "suspended_by")
    private Long suspendedBy;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "resume_requested_by")
    private Long resumeRequestedBy;

    @Column(name = "resume_requested_at")
    private Instant resumeRequestedAt;

    @Column(name = "lifted_by")
    private Long liftedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "resume_request_reason")
    private String resumeRequestReason;

    @Column(name = "lift_reason")
    private String liftReason;

    @Version
    private long version;

    protected Suspension() {
    }

    Suspension(long vendorId, boolean allCapabilities, Set<Capability> capabilities, SuspensionReason reason,
               String reasonText, Instant expectedRestorationAt, Long suspendedBy, Instant suspendedAt) {
        this.vendorId = vendorId;
        this.allCapabilities = allCapabilities;
        this.capabilities = allCapabilities ? new HashSet<>() : new HashSet<>(capabilities);
        this.reasonCode = reason;
        this.reasonText = reasonText;
        this.expectedRestorationAt = expectedRestorationAt;
        this.status = SuspensionStatus.ACTIVE;
        this.suspendedBy = suspendedBy;
        this.suspendedAt = suspendedAt;
    }

    void requestResume(long by, Instant at, String reason) {
        status = SuspensionStatus.RESUME_REQUESTED;
        resumeRequestedBy = by;
        resumeRequestedAt = at;
        resumeRequestReason = reason;
    }

    /** The resume request is withdrawn or declined: the suspension stands as before it. */
    void withdrawResume() {
        status = SuspensionStatus.ACTIVE;
        resumeRequestedBy = null;
        resumeRequestedAt = null;
        resumeRequestReason = null;
    }

    void lift(long by, Instant at, String reason) {
        status = SuspensionStatus.LIFTED;
        liftedBy = by;
        liftedAt = at;
        liftReason = reason;
    }

    /** The scope as a set: every capability of the vendor when the suspension covers all. */
    Set<Capability> scope(Set<Capability> vendorCapabilities) {
        if (allCapabilities) {
            return vendorCapabilities.isEmpty() ? EnumSet.allOf(Capability.class) : EnumSet.copyOf(vendorCapabilities);
        }
        return capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }

    Long getId() {
        return id;
    }

    long getVendorId() {
        return vendorId;
    }

    boolean isAllCapabilities() {
        return allCapabilities;
    }

    SuspensionReason getReasonCode() {
        return reasonCode;
    }

    String getReasonText() {
        return reasonText;
    }

    Instant getExpectedRestorationAt() {
        return expectedRestorationAt;
    }

    SuspensionStatus getStatus() {
        return status;
    }

    Long getSuspendedBy() {
        return suspendedBy;
    }

    Instant getSuspendedAt() {
        return suspendedAt;
    }

    Long getResumeRequestedBy() {
        return resumeRequestedBy;
    }

    Instant getResumeRequestedAt() {
        return resumeRequestedAt;
    }

    String getResumeRequestReason() {
        return resumeRequestReason;
    }

    Long getLiftedBy() {
        return liftedBy;
    }

    Instant getLiftedAt() {
        return liftedAt;
    }
}
