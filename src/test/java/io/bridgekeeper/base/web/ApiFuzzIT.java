package io.bridgekeeper.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.bridgekeeper.decision.ServiceCredentialService;
import io.bridgekeeper.demo.DemoAccounts;
import io.bridgekeeper.link.PartnerApi;
import io.bridgekeeper.support.IntegrationTest;
import io.bridgekeeper.support.RawHttp;
import io.bridgekeeper.support.RawHttp.Response;
import io.bridgekeeper.support.TestData;
import io.bridgekeeper.support.TestVendors;
import io.bridgekeeper.vendor.VendorApiKeyService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.spring.JqwikSpringSupport;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests to every operation of both OpenAPI documents, read at test time so that a new
 * operation is fuzzed without touching this test: bodies with hostile values (control characters, NUL,
 * bidi overrides, huge numbers, wrong types, broken JSON), wrong content types, mangled paths and ids,
 * other methods, with valid credentials and without. Values come from jqwik generators under a fixed
 * seed (printed, and settable with -Dfuzz.seed), so a failure is reproducible.
 * <p>
 * Fails on any 5xx, any redirect from an API path, any stack trace in a response, and any stack trace or
 * error the requests leave in the log.
 */
@JqwikSpringSupport
@IntegrationTest
class ApiFuzzIT {

    static final int REQUESTS = Integer.getInteger("fuzz.requests", 2400);
    static final long SEED = Long.getLong("fuzz.seed", 20261203L);

    @LocalServerPort
    int port;
    @Autowired
    TestVendors vendors;
    @Autowired
    VendorApiKeyService keys;
    @Autowired
    ServiceCredentialService credentials;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    record Operation(String api, String method, String path, JsonNode requestSchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Outcome(Operation op, String method, String path, String contentType, String auth, int status, String body) {
    }

    /** One run of the jqwik lifecycle, whose generators draw from the seeded random below. */
    @Example
    void malformed_requests_to_every_operation_never_5xx_redirect_or_leave_a_stack_trace() {
        RawHttp http = new RawHttp(port);
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<Operation> operations = new ArrayList<>();
        for (String api : new String[] {"decision", "partner"}) {
            Response doc = http.send("GET", "/v3/api-docs/" + api, Map.of(), (String) null);
            assertThat(doc.status()).isEqualTo(200);
            JsonNode root = json.readTree(doc.body());
            documents.put(api, root);
            operations.addAll(operations(api, root));
        }
        assertThat(operations).as("both documents describe operations").hasSizeGreaterThanOrEqualTo(8);

        TestVendors.TestVendor vendor = vendors.create("fuzz");
        String partnerKey = PartnerApi.as(users, DemoAccounts.ADMIN, () -> keys.create(vendor.id(), "fuzz").secret());
        String decisionKey = PartnerApi.as(users, DemoAccounts.ADMIN,
                () -> credentials.create(TestData.unique("fuzz data plane")).key());
        Hostile hostile = new Hostile(vendor);
        Random random = new Random(SEED);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        List<Outcome> outcomes = new ArrayList<>(REQUESTS);
        long started = System.nanoTime();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Operation op = operations.get(i % operations.size());
                String validKey = op.api().equals("decision") ? decisionKey : partnerKey;
                String otherKey = op.api().equals("decision") ? partnerKey : decisionKey;
                outcomes.add(send(http, op, documents.get(op.api()), hostile, random, validKey, otherKey));
            }
        } finally {
            root.detachAppender(log);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Integer> byStatus = new TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status() / 100 + "xx", 1, Integer::sum));
        Map<String, Integer> byOperation = new TreeMap<>();
        outcomes.forEach(o -> byOperation.merge(o.op().toString(), 1, Integer::sum));
        System.out.printf("ApiFuzzIT: seed %d, %d requests in %.1f s over %d operations %s; statuses %s%n",
                SEED, outcomes.size(), seconds, operations.size(), byOperation, byStatus);

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(byOperation.keySet()).hasSize(operations.size());
        assertThat(outcomes).as("no 5xx").filteredOn(o -> o.status() >= 500).isEmpty();
        assertThat(outcomes).as("no redirect from an API path")
                .filteredOn(o -> o.status() >= 300 && o.status() < 400).isEmpty();
        assertThat(outcomes).as("no stack trace in a response")
                .filteredOn(o -> o.body().contains("\tat ") || o.body().contains("Exception:")).isEmpty();
        List<String> traces = log.list.stream()
                .filter(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(Level.ERROR))
                .filter(e -> e.getThreadName().contains("tomcat") || e.getThreadName().contains("http-nio")
                        || e.getThreadName().isEmpty())
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getClassName()))
                .toList();
        assertThat(traces).as("no stack trace or error in the log from the requests").isEmpty();
    }

    // --- the operations, from the documents ---

    private List<Operation> operations(String api, JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        JsonNode paths = doc.path("paths");
        for (String path : paths.propertyNames()) {
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                JsonNode op = item.get(method);
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                ops.add(new Operation(api, method.toUpperCase(), path, schema.isMissingNode() ? null : schema));
            }
        }
        return ops;
    }

    // --- one request ---

    private Outcome send(RawHttp http, Operation op, JsonNode doc, Hostile hostile, Random random, String validKey,
                         String otherKey) {
        String method = random.nextInt(10) == 0 ? hostile.method(random) : op.method();
        String path = path(op.path(), hostile, random);
        Map<String, String> headers = new LinkedHashMap<>();
        String auth = switch (random.nextInt(6)) {
            case 0 -> "none";
            case 1 -> "garbage";
            case 2 -> "other-api";
            default -> "valid";
        };
        switch (auth) {
            case "garbage" -> headers.put("Authorization", hostile.header(random));
            case "other-api" -> headers.put("Authorization", "Bearer " + otherKey);
            case "valid" -> headers.put("Authorization", "Bearer " + validKey);
            default -> { }
        }
        String contentType = random.nextInt(4) == 0 ? hostile.contentType(random) : "application/json";
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (random.nextInt(8) == 0) {
            headers.put("Accept", hostile.accept(random));
        }
        byte[] body = body(op, doc, hostile, random);
        Response r = http.send(method, path, headers, body);
        return new Outcome(op, method, path, contentType, auth, r.status(), r.body());
    }

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private static String path(String template, Hostile hostile, Random random) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(random.nextInt(3) == 0 ? "1" : hostile.pathSegment(random)));
        }
        m.appendTail(out);
        String path = out.toString();
        return random.nextInt(6) == 0 ? hostile.manglePath(path, random) : path;
    }

    private byte[] body(Operation op, JsonNode doc, Hostile hostile, Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return hostile.brokenJson(random).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            return null;
        }
        JsonNode sample = op.requestSchema() == null ? json.createObjectNode() : sample(op.requestSchema(), doc, 0);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            sample = mutate(sample, hostile, random);
        }
        return json.writeValueAsString(sample).getBytes(StandardCharsets.UTF_8);
    }

    /** A body of the documented shape, with plausible values. */
    private JsonNode sample(JsonNode schema, JsonNode doc, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 6 ? json.nullNode() : sample(doc.path("components").path("schemas").path(name), doc, depth + 1);
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "array" -> {
                ArrayNode array = json.createArrayNode();
                array.add(sample(schema.path("items"), doc, depth + 1));
                yield array;
            }
            case "integer", "number" -> json.getNodeFactory().numberNode(1L);
            case "boolean" -> json.getNodeFactory().booleanNode(true);
            case "string" -> {
                if (schema.has("enum")) {
                    yield json.getNodeFactory().textNode(schema.get("enum").get(0).asString());
                }
                yield json.getNodeFactory().textNode("date-time".equals(schema.path("format").asString(""))
                        ? java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(60).toString()
                        : "fuzz-value");
            }
            default -> {
                ObjectNode object = json.createObjectNode();
                JsonNode properties = schema.path("properties");
                for (String name : properties.propertyNames()) {
                    object.set(name, sample(properties.get(name), doc, depth + 1));
                }
                yield object;
            }
        };
    }

    /** Replaces one value somewhere in the tree (or the whole tree) with a hostile one. */
    private JsonNode mutate(JsonNode node, Hostile hostile, Random random) {
        if (random.nextInt(5) == 0 || !(node.isObject() || node.isArray()) || node.isEmpty()) {
            return hostile.value(json, random);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            if (random.nextInt(6) == 0) {
                object.set(hostile.string(random), hostile.value(json, random));
                return object;
            }
            String name = names.get(random.nextInt(names.size()));
            object.set(name, mutate(object.get(name), hostile, random));
            return object;
        }
        ArrayNode array = (ArrayNode) node;
        int index = random.nextInt(array.size());
        array.set(index, mutate(array.get(index), hostile, random));
        if (random.nextInt(8) == 0) {
            for (int i = 0; i < 600; i++) {
                array.add(array.get(0));
            }
        }
        return array;
    }

    /** The hostile values, from jqwik generators driven by the seeded random. */
    static final class Hostile {

        private final Arbitrary<String> strings;
        private final Arbitrary<Long> longs = Arbitraries.longs();
        private final Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200f', '\ud800', '\udc00')
                .ofMinLength(1).ofMaxLength(4);
        private final TestVendors.TestVendor vendor;

        Hostile(TestVendors.TestVendor vendor) {
            this.vendor = vendor;
            this.strings = Arbitraries.oneOf(
                    Arbitraries.strings().all().ofMaxLength(40),
                    Arbitraries.strings().ascii().ofMaxLength(12),
                    Arbitraries.of(vendor.slug(), vendor.slug() + "-cam-a", vendor.slug() + "-ext-a", "CAMERA", "SNAPSHOT",
                            "1.0", "bk1.k.1.2.3.4.5.AAAA", "' or 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
                            "%00", "${jndi:ldap://127.0.0.1/x}", "", " "),
                    Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(20_000));
        }

        private <T> T next(Arbitrary<T> arbitrary, Random random) {
            return arbitrary.generator(1000).next(random).value();
        }

        String string(Random random) {
            String base = next(strings, random);
            if (random.nextInt(3) == 0) {
                int at = base.isEmpty() ? 0 : random.nextInt(base.length() + 1);
                return base.substring(0, at) + next(controls, random) + base.substring(at);
            }
            return base;
        }

        JsonNode value(JsonMapper json, Random random) {
            var f = json.getNodeFactory();
            return switch (random.nextInt(12)) {
                case 0 -> f.numberNode(Long.MAX_VALUE);
                case 1 -> f.numberNode(Long.MIN_VALUE);
                case 2 -> f.numberNode(new java.math.BigInteger("99999999999999999999999999999"));
                case 3 -> f.numberNode(new java.math.BigDecimal("1e400"));
                case 4 -> f.numberNode(next(longs, random));
                case 5 -> f.numberNode(-1.5);
                case 6 -> f.booleanNode(random.nextBoolean());
                case 7 -> f.nullNode();
                case 8 -> json.createArrayNode().add(string(random));
                case 9 -> json.createObjectNode().put(string(random), string(random));
                default -> f.textNode(string(random));
            };
        }

        String brokenJson(Random random) {
            return switch (random.nextInt(8)) {
                case 0 -> "{";
                case 1 -> "[".repeat(3000) + "]".repeat(3000);
                case 2 -> "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2001);
                case 3 -> "\u0000\u0001\u0002";
                case 4 -> "{\"items\": [1,2,";
                case 5 -> "null";
                case 6 -> "\"" + "x".repeat(100_000) + "\"";
                default -> next(Arbitraries.strings().all().ofMaxLength(200), random);
            };
        }

        String method(Random random) {
            return List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "POST", "PROPFIND")
                    .get(random.nextInt(9));
        }

        String contentType(Random random) {
            return List.of("*/*", "application/*", "multipart/form-data", "multipart/form-data; boundary=xyz",
                    "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1",
                    "application/json; charset=nonsense", "garbage", "application/json;;;", "").get(random.nextInt(12));
        }

        String accept(Random random) {
            return List.of("*/*;q=abc", "application/xml", "text/html", "garbage/", "application/json;q=2", "*/*")
                    .get(random.nextInt(6));
        }

        String header(Random random) {
            String s = next(Arbitraries.strings().ascii().ofMaxLength(60), random).replaceAll("[\\r\\n]", "");
            return List.of("Bearer " + s, "Bearer bk_" + s, "Bearer bkd_" + s, "Basic " + s, s).get(random.nextInt(5));
        }

        String pathSegment(Random random) {
            return List.of("99999999999999999999", "-1", "0", "abc", "%00", "%2e%2e", "..", "%ZZ", "x;y", "%20",
                    "%E2%80%AE", vendor.slug() + "-ext-a", "9223372036854775807", "1.5", "%252e").get(random.nextInt(15));
        }

        String manglePath(String path, Random random) {
            return switch (random.nextInt(6)) {
                case 0 -> path + ";jsessionid=x";
                case 1 -> path.replaceFirst("/api/", "/api//");
                case 2 -> path + "/%2e%2e/%2e%2e";
                case 3 -> path + "%ZZ";
                case 4 -> path + "/../../login";
                default -> path + "?" + "a=".repeat(3000);
            };
        }
    }
}
