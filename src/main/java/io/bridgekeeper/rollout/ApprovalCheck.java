package io.bridgekeeper.rollout;

import java.util.List;
import java.util.Locale;

/**
 * What another module wants an approver to read before a rollout from one cache version to another is approved
 * (compatibility: certified model and surface pairs the new version is not certified for), without this module
 * depending on that one. Each warning is a sentence in the reader's language; none when nothing is at stake.
 */
public interface ApprovalCheck {

    List<String> warnings(long vendorId, long fromVersionId, long toVersionId, Locale locale);
}
