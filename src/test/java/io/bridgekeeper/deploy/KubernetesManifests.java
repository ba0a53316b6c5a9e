package io.bridgekeeper.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates Kubernetes manifests without a cluster: every YAML document must be one of the kinds below and
 * bind to fabric8's typed model (generated from the Kubernetes OpenAPI schema) with no field left over, so a
 * misspelled field, a wrong type or an unknown kind is an error, as {@code kubectl apply --validate=strict}
 * would report it. The fields the API server requires for these kinds are checked as well.
 */
final class KubernetesManifests {

    /** apiVersion/kind → the model class: the kinds src/main/k8s may hold. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record Result(List<HasMetadata> objects, List<String> problems) {
    }

    private KubernetesManifests() {
    }

    static List<Path> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static Result validate(List<Path> files) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            List<JsonNode> documents;
            try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
                documents = YAML.readValues(parser, JsonNode.class).readAll();
            }
            int index = 0;
            for (JsonNode document : documents) {
                String where = file + " document " + index++;
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(key);
                if (type == null) {
                    problems.add(where + ": unknown apiVersion/kind " + key);
                    continue;
                }
                HasMetadata object;
                try {
                    object = YAML.treeToValue(document, type);
                } catch (JsonProcessingException e) {
                    problems.add(where + " (" + key + "): " + e.getOriginalMessage());
                    continue;
                }
                where = file + " " + document.path("kind").asText() + "/"
                        + (object.getMetadata() == null ? "?" : object.getMetadata().getName());
                List<String> found = new ArrayList<>();
                unknownFields(object, "", found);
                required(object, found);
                for (String problem : found) {
                    problems.add(where + ": " + problem);
                }
                objects.add(object);
            }
        }
        return new Result(objects, problems);
    }

    /** fabric8's model keeps what it does not know in additionalProperties: any there is a field Kubernetes lacks. */
    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> problems.add("unknown field " + (path + "." + k).substring(1)));
                }
                continue;
            }
            String name = getter.getName().substring(3);
            unknownFields(field, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), problems);
        }
    }

    /** The fields the Kubernetes OpenAPI schema marks required for the kinds and parts used here. */
    private static void required(HasMetadata object, List<String> problems) {
        if (object.getMetadata() == null || isBlank(object.getMetadata().getName())) {
            problems.add("metadata.name is required");
        }
        switch (object) {
            case Deployment d -> {
                if (d.getSpec() == null || d.getSpec().getSelector() == null || d.getSpec().getTemplate() == null
                        || d.getSpec().getTemplate().getSpec() == null) {
                    problems.add("spec.selector and spec.template.spec are required");
                    return;
                }
                var containers = d.getSpec().getTemplate().getSpec().getContainers();
                if (containers == null || containers.isEmpty()) {
                    problems.add("spec.template.spec.containers is required");
                    return;
                }
                for (Container c : containers) {
                    if (isBlank(c.getName())) {
                        problems.add("a container's name is required");
                    }
                    if (isBlank(c.getImage())) {
                        problems.add("container " + c.getName() + ": image is required");
                    }
                    c.getPorts().stream().filter(p -> p.getContainerPort() == null)
                            .forEach(p -> problems.add("container " + c.getName() + ": ports[].containerPort is required"));
                    for (Probe probe : Stream.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())
                            .filter(java.util.Objects::nonNull).toList()) {
                        long handlers = Stream.of(probe.getHttpGet(), probe.getTcpSocket(), probe.getExec(), probe.getGrpc())
                                .filter(java.util.Objects::nonNull).count();
                        if (handlers != 1) {
                            problems.add("container " + c.getName() + ": a probe needs exactly one handler");
                        }
                        if (probe.getHttpGet() != null && probe.getHttpGet().getPort() == null) {
                            problems.add("container " + c.getName() + ": httpGet.port is required");
                        }
                    }
                }
            }
            case Service s -> {
                if (s.getSpec() == null || s.getSpec().getPorts() == null || s.getSpec().getPorts().isEmpty()) {
                    problems.add("spec.ports is required");
                } else {
                    s.getSpec().getPorts().stream().filter(p -> p.getPort() == null)
                            .forEach(p -> problems.add("spec.ports[].port is required"));
                }
            }
            case HorizontalPodAutoscaler h -> {
                if (h.getSpec() == null || h.getSpec().getMaxReplicas() == null || h.getSpec().getScaleTargetRef() == null
                        || isBlank(h.getSpec().getScaleTargetRef().getKind())
                        || isBlank(h.getSpec().getScaleTargetRef().getName())) {
                    problems.add("spec.maxReplicas and spec.scaleTargetRef (kind, name) are required");
                }
            }
            case PodDisruptionBudget p -> {
                if (p.getSpec() == null || (p.getSpec().getMinAvailable() == null) == (p.getSpec().getMaxUnavailable() == null)) {
                    problems.add("spec needs exactly one of minAvailable and maxUnavailable");
                }
            }
            default -> {
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
