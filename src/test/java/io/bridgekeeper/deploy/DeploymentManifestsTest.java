package io.bridgekeeper.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The Kubernetes manifests in src/main/k8s (docs/deployment.md), checked without a cluster: every document binds
 * strictly to the Kubernetes model ({@link KubernetesManifests}), and the settings that keep a rolling update
 * and a node's shutdown free of failed requests agree with the app's own configuration and the image's.
 */
class DeploymentManifestsTest {

    static final Path MANIFESTS = Path.of("src/main/k8s");

    static List<HasMetadata> objects;
    static Properties applicationProperties;

    @BeforeAll
    static void load() throws IOException {
        var result = KubernetesManifests.validate(KubernetesManifests.yamlFiles(MANIFESTS));
        assertThat(result.problems()).as("problems in " + MANIFESTS).isEmpty();
        objects = result.objects();
        applicationProperties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            applicationProperties.load(in);
        }
    }

    @Test
    void everyManifestIsValidAndEachKindIsThere() {
        assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service", "PodDisruptionBudget",
                "ConfigMap", "Secret", "HorizontalPodAutoscaler");
    }

    @Test
    void theValidatorRejectsMisspelledFieldsWrongTypesMissingFieldsAndUnknownKinds() throws IOException {
        var result = KubernetesManifests.validate(List.of(Path.of("src/test/resources/deploy/invalid-manifests.yaml")));

        assertThat(result.problems()).hasSize(4);
        assertThat(result.problems().get(0)).contains("Deployment/misspelled-field")
                .contains("unknown field spec.template.spec.containers[0].readinesProbe");
        assertThat(result.problems().get(1)).contains("document 1").contains("two");
        assertThat(result.problems().get(2)).contains("Deployment/missing-image").contains("image is required");
        assertThat(result.problems().get(3)).contains("unknown apiVersion/kind policy/v1beta2/PodDisruptionBudget");
    }

    @Test
    void probesAskActuatorOnTheContainerPort() {
        Container c = container();
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        for (var probe : List.of(c.getReadinessProbe(), c.getLivenessProbe(), c.getStartupProbe())) {
            String port = probe.getHttpGet().getPort().getStrVal();
            assertThat(c.getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo(port);
                assertThat(p.getContainerPort()).isEqualTo(8080);
            });
        }
        assertThat(applicationProperties.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() {
        Deployment d = the(Deployment.class);
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());

        Service service = the(Service.class);
        assertThat(service.getSpec().getSelector()).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).allSatisfy(p ->
                assertThat(container().getPorts()).anyMatch(cp -> cp.getName().equals(p.getTargetPort().getStrVal())));
        // Vaadin keeps a UI in one node's session
        assertThat(service.getSpec().getSessionAffinity()).isEqualTo("ClientIP");

        PodDisruptionBudget pdb = the(PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchExpressions()).isEmpty();
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        HorizontalPodAutoscaler hpa = the(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(d.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theGracePeriodCoversThePreStopSleepAndTheAppsShutdown() {
        PodSpec pod = the(Deployment.class).getSpec().getTemplate().getSpec();
        long preStop = container().getLifecycle().getPreStop().getSleep().getSeconds();
        Duration shutdown = setting("SHUTDOWN_TIMEOUT", "spring.lifecycle.timeout-per-shutdown-phase");
        Duration drain = setting("SHUTDOWN_DRAIN_DELAY", "bridgekeeper.shutdown.drain-delay");
        assertThat(applicationProperties.getProperty("server.shutdown")).isEqualTo("graceful");

        assertThat(preStop).isPositive();
        assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(preStop).plus(drain).plus(shutdown));
    }

    @Test
    void theImageIsTheOneTheImageProfileBuildsAndRunsAsItsNonRootUser() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String version = xpath.evaluate("/project/version", pom);
        String imageName = xpath.evaluate("/project/properties/image.name", pom);
        String jib = "/project/profiles/profile[id='image']/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration";
        assertThat(xpath.evaluate(jib + "/to/image", pom)).isEqualTo("${image.name}:${project.version}");
        assertThat(xpath.evaluate(jib + "/container/ports/port", pom)).isEqualTo("8080");
        String user = xpath.evaluate(jib + "/container/user", pom);

        assertThat(container().getImage()).isEqualTo(imageName + ":" + version);
        var security = the(Deployment.class).getSpec().getTemplate().getSpec().getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getRunAsUser() + ":" + security.getRunAsGroup()).isEqualTo(user);
        assertThat(container().getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container().getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        // the one place the app writes (Tomcat's work directory, java.io.tmpdir)
        String tmp = container().getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow().getName();
        Volume volume = the(Deployment.class).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(tmp)).findFirst().orElseThrow();
        assertThat(volume.getEmptyDir()).isNotNull();

        assertThat(container().getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container().getResources().getLimits()).containsKeys("cpu", "memory");
    }

    @Test
    void theEnvironmentComesFromTheConfigMapAndTheSecretAndNamesRealSettings() {
        ConfigMap config = the(ConfigMap.class);
        Secret secret = the(Secret.class);
        List<EnvFromSource> envFrom = container().getEnvFrom();
        assertThat(envFrom).anyMatch(e -> e.getConfigMapRef() != null
                && e.getConfigMapRef().getName().equals(config.getMetadata().getName()));
        assertThat(envFrom).anyMatch(e -> e.getSecretRef() != null
                && e.getSecretRef().getName().equals(secret.getMetadata().getName()));
        assertThat(secret.getStringData()).containsKeys("DB_URL", "DB_USER", "DB_PASSWORD", "BRIDGEKEEPER_MASTER_KEY");

        // every variable is one application.properties reads (a misspelled name would be silently ignored)
        Set<String> known = applicationProperties.values().stream()
                .flatMap(v -> Pattern.compile("\\$\\{([A-Z0-9_]+):").matcher(v.toString()).results().map(m -> m.group(1)))
                .collect(Collectors.toSet());
        known.add("SPRING_PROFILES_ACTIVE");
        assertThat(config.getData().keySet()).allSatisfy(k -> assertThat(known).contains(k));
        assertThat(secret.getStringData().keySet()).allSatisfy(k -> assertThat(known).contains(k));
    }

    /** The ConfigMap's value of the variable, or else the default application.properties gives the property. */
    private static Duration setting(String variable, String property) {
        String value = the(ConfigMap.class).getData().get(variable);
        if (value == null) {
            Matcher m = Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(applicationProperties.getProperty(property));
            assertThat(m.matches()).as(property + " reads " + variable).isTrue();
            value = m.group(1);
        }
        Matcher simple = Pattern.compile("(\\d+)(ms|s|m)").matcher(value);
        if (!simple.matches()) {
            return Duration.parse(value);
        }
        long n = Long.parseLong(simple.group(1));
        return switch (simple.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    static Container container() {
        return the(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    static <T extends HasMetadata> T the(Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }
}
