package io.bridgekeeper.link;

/** A vendor a household may link an account of: active integrations only. */
public record LinkableVendor(long id, String slug, String name) {
}
