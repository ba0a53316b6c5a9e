package io.bridgekeeper.compatibility;

/** The compatibility table's filters; null or blank means any. {@code text} matches vendor, model code or name. */
public record CompatibilityFilter(String text, Long vendorId, String surface, CertificationStatus status) {

    public static CompatibilityFilter none() {
        return new CompatibilityFilter(null, null, null, null);
    }
}
