package io.bridgekeeper.vendor;

/** Why a vendor was suspended; each code has the plain words a household is shown. */
public enum SuspensionReason {
    PRIVACY_LEAK("Privacy leak", "to protect your privacy while a problem is investigated", true),
    SECURITY("Security", "because of a security problem", true),
    OUTAGE("Outage", "because the vendor's service has an outage", false),
    CERTIFICATION("Certification", "until the integration is certified again", false),
    OTHER("Other", "for maintenance", false);

    private final String label;
    private final String plainWords;
    private final boolean needsSecondAdminToResume;

    SuspensionReason(String label, String plainWords, boolean needsSecondAdminToResume) {
        this.label = label;
        this.plainWords = plainWords;
        this.needsSecondAdminToResume = needsSecondAdminToResume;
    }

    public String label() {
        return label;
    }

    /** Completes "Suspended by the platform …" for a household. */
    public String plainWords() {
        return plainWords;
    }

    /** Resuming after a privacy leak or a security problem needs four eyes. */
    public boolean needsSecondAdminToResume() {
        return needsSecondAdminToResume;
    }
}
