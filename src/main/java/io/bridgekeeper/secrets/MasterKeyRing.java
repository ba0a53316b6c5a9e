package io.bridgekeeper.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys a node holds, parsed from {@code <id>:<base64 of 32 bytes>} entries separated by
 * commas or line breaks ({@code #} starts a comment line). The first entry is current: it seals;
 * the others only unseal, which is what lets a new key be rolled out before it becomes current and
 * an old one stay until everything is re-encrypted.
 */
record MasterKeyRing(String currentId, Map<String, SecretKey> keys) {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final int KEY_BYTES = 32;

    /** Parses a key ring; {@code source} says where it came from, for messages (never the keys). */
    static MasterKeyRing parse(String text, String source) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = null;
        int n = 0;
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("#")) {
                entries.addAll(List.of(line.split(",")));
            }
        }
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            n++;
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new SealedSecretException("Master key entry " + n + " in " + source
                        + " has no valid key id: write each key as <id>:<base64 of 32 random bytes>, "
                        + "the id 1-32 letters, digits, '-' or '_'");
            }
            byte[] bytes;
            try {
                String b64 = entry.substring(colon + 1).strip();
                bytes = b64.contains("-") || b64.contains("_") ? Base64.getUrlDecoder().decode(b64)
                        : Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new SealedSecretException("Master key '" + id + "' in " + source + " is not valid base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw new SealedSecretException("Master key '" + id + "' in " + source + " has " + bytes.length
                        + " bytes; AES-256 needs exactly " + KEY_BYTES + " (e.g. openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new SealedSecretException("Master key id '" + id + "' appears twice in " + source);
            }
            if (current == null) {
                current = id;
            }
        }
        if (current == null) {
            throw new SealedSecretException("No master key in " + source);
        }
        return new MasterKeyRing(current, Map.copyOf(keys));
    }

    @Override
    public String toString() {
        return "MasterKeyRing[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
