package io.bridgekeeper.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a database user with read access sees: every row of every table as JSON (pg_dump is not
 * available for the embedded PostgreSQL 18), and a search of that text for secrets in the forms a
 * reader could decode: as stored, hex, base64 and base64url.
 */
public final class SecretDump {

    /** Needles are cut to this many characters: enough to be unique among random secrets. */
    private static final int WINDOW = 20;

    private SecretDump() {
    }

    /** Table name → its rows as {@code row_to_json} text, every base table of the public schema. */
    public static Map<String, String> dump(JdbcClient jdbc) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
                """).query(String.class).list()) {
            StringBuilder text = new StringBuilder();
            for (String row : jdbc.sql("select row_to_json(t)::text from \"" + table + "\" t").query(String.class).list()) {
                text.append(row).append('\n');
            }
            tables.put(table, text.toString());
        }
        return tables;
    }

    /** The ways a secret's bytes could be written down, each lower-cased (the search ignores case). */
    public static List<String> encodings(byte[] secret) {
        List<String> forms = new ArrayList<>();
        forms.add(new String(secret, StandardCharsets.ISO_8859_1));
        forms.add(HexFormat.of().formatHex(secret));
        forms.add(Base64.getEncoder().encodeToString(secret));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        List<String> cut = new ArrayList<>();
        for (String f : forms) {
            String lower = f.toLowerCase(Locale.ROOT);
            cut.add(lower.length() > WINDOW ? lower.substring(0, WINDOW) : lower);
        }
        return cut;
    }

    /** The secrets (by name) found in {@code text} in any of their encodings, with where. */
    public static List<String> findIn(String where, String text, Map<String, byte[]> secrets) {
        Map<String, String> needles = new HashMap<>();
        for (Map.Entry<String, byte[]> s : secrets.entrySet()) {
            for (String e : encodings(s.getValue())) {
                if (e.length() < WINDOW) {
                    throw new IllegalArgumentException(s.getKey() + " is too short to search for reliably");
                }
                needles.put(e, s.getKey());
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (int i = 0; i + WINDOW <= lower.length(); i++) {
            String hit = needles.get(lower.substring(i, i + WINDOW));
            if (hit != null) {
                found.add(hit + " in " + where + " at " + i);
            }
        }
        return found;
    }
}
