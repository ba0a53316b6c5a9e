package io.bridgekeeper.link;

/** The partner API's answer to a completed link: the link, its epoch, and whether it was a relink. */
public record LinkCompletion(long linkId, String externalAccountId, int epoch, boolean relinked) {
}
