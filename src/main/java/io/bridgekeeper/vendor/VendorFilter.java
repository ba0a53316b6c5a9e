package io.bridgekeeper.vendor;

/** The vendor grid's filter: text in name or slug, and a status (null: any). */
public record VendorFilter(String text, VendorStatus status) {

    public static VendorFilter none() {
        return new VendorFilter(null, null);
    }
}
