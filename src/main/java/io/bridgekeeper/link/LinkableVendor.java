package io.bridgekeeper.link;

/**
 * A vendor a household may link an account of: active integrations only. {@code oauth}: the household
 * signs in at the vendor (OAuth 2.0) instead of typing a one-time code into the vendor's app.
 */
public record LinkableVendor(long id, String slug, String name, boolean oauth) {

    /** Where the household's browser goes to link by OAuth. */
    public String oauthStartPath() {
        return oauthStartPath(slug);
    }

    /** Where the household's browser goes to link an account of the vendor with this slug by OAuth (again). */
    public static String oauthStartPath(String vendorSlug) {
        return VendorRegistrations.START_PATH + "/" + vendorSlug;
    }
}
