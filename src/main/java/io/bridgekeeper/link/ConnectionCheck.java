package io.bridgekeeper.link;

/**
 * One endpoint of a vendor's authorization server as "Test connection" found it: whether it answered
 * the way an OAuth server's endpoint does, and in words what it answered (a status class, never its body).
 */
public record ConnectionCheck(String endpoint, String url, boolean ok, String answer) {
}
