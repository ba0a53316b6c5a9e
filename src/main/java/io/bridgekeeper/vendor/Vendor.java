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

@Entity
@Table(name = "vendor")
class Vendor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    @Enumerated(EnumType.STRING)
    private VendorStatus status;

    @Column(name = "webhook_url")
    private String webhookUrl;

    /** Sealed; set once at creation. Not updatable: re-encryption under a new master key happens in SQL. */
    @Column(name = "webhook_secret", updatable = false)
    private String webhookSecret;

    @Column(name = "auto_suspend_on_violation")
    private boolean autoSuspendOnViolation = true;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vendor_capability", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "capability")
    @Enumerated(EnumType.STRING)
    private Set<Capability> capabilities = new HashSet<>();

    protected Vendor() {
    }

    Vendor(String slug, String name, Set<Capability> capabilities, String webhookUrl, String webhookSecret,
           Instant now) {
        this.slug = slug;
        this.name = name;
        this.status = VendorStatus.ONBOARDING;
        this.capabilities = new HashSet<>(capabilities);
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void moveTo(VendorStatus target, Instant now) {
        this.status = target;
        this.updatedAt = now;
    }

    void setWebhookUrl(String webhookUrl, Instant now) {
        this.webhookUrl = webhookUrl;
        this.updatedAt = now;
    }

    boolean isAutoSuspendOnViolation() {
        return autoSuspendOnViolation;
    }

    long getVersion() {
        return version;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }

    VendorStatus getStatus() {
        return status;
    }

    String getWebhookUrl() {
        return webhookUrl;
    }

    Set<Capability> getCapabilities() {
        return capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
    }
}
