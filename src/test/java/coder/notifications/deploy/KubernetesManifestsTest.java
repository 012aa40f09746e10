package coder.notifications.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests of deploy/kubernetes, checked offline (they cannot be applied here): every file is
 * in the kustomization, the replicas are probed on the service's health endpoints, every setting is one the
 * README documents, secrets stay in the Secret, and the database comes from the CloudNativePG cluster.
 */
class KubernetesManifestsTest {

    static final Path FOLDER = Path.of("deploy/kubernetes");

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        List<String> listed = list(read("kustomization.yaml").get("resources"));
        try (var files = Files.list(FOLDER)) {
            var manifests = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .sorted()
                    .toList();
            assertEquals(manifests, listed.stream().sorted().toList());
        }
    }

    @Test
    void severalReplicasAreProbedOnTheHealthEndpoints() throws IOException {
        var application = read("notifications.yaml");
        assertEquals("apps.openliberty.io/v1", application.get("apiVersion"));
        assertEquals("OpenLibertyApplication", application.get("kind"));
        var spec = map(application.get("spec"));
        assertTrue((Integer) spec.get("replicas") >= 2, "replicas");
        var port = (Integer) map(spec.get("service")).get("port");
        assertEquals(String.valueOf(port), env(spec).get("CODER_HTTP_PORT"));
        var probes = map(spec.get("probes"));
        for (var probe : Map.of("liveness", "/health/live", "readiness", "/health/ready", "startup", "/health/started")
                .entrySet()) {
            var httpGet = map(map(probes.get(probe.getKey())).get("httpGet"));
            assertEquals(probe.getValue(), httpGet.get("path"), probe.getKey());
            assertEquals(port, httpGet.get("port"), probe.getKey());
        }
        assertEquals(
                "/metrics",
                map(list(map(spec.get("monitoring")).get("endpoints")).get(0)).get("path"));
    }

    @Test
    void settingsComeFromTheConfigMapAndTheSecretAndAreAllDocumented() throws IOException {
        var spec = map(read("notifications.yaml").get("spec"));
        var sources = list(spec.get("envFrom")).stream()
                .map(KubernetesManifestsTest::map)
                .toList();
        var configMap = read("configmap.yaml");
        var secret = read("secret.yaml");
        assertEquals(
                map(configMap.get("metadata")).get("name"),
                map(sources.get(0).get("configMapRef")).get("name"));
        assertEquals(
                map(secret.get("metadata")).get("name"),
                map(sources.get(1).get("secretRef")).get("name"));
        var readme = Files.readString(Path.of("README.md"));
        Map<String, Object> settings = map(configMap.get("data"));
        Map<String, Object> secrets = map(secret.get("stringData"));
        for (var name : settings.keySet()) {
            assertTrue(
                    readme.contains("`" + name + "`") || readme.contains(name), name + " is documented in the README");
            assertFalse(name.contains("PASSWORD") || name.contains("SECRET"), name + " belongs in the Secret");
            assertTrue(settings.get(name) instanceof String, name + " is a string, as environment variables are");
        }
        for (var name : secrets.keySet()) {
            assertTrue(readme.contains(name), name + " is documented in the README");
            assertTrue(name.contains("PASSWORD") || name.contains("SECRET"), name + " is a secret");
        }
    }

    @Test
    void theDatabaseIsACloudNativePgClusterWithFailover() throws IOException {
        var cluster = read("postgres.yaml");
        assertEquals("postgresql.cnpg.io/v1", cluster.get("apiVersion"));
        assertEquals("Cluster", cluster.get("kind"));
        var spec = map(cluster.get("spec"));
        assertTrue((Integer) spec.get("instances") >= 2, "a standby to fail over to");
        var database = map(map(map(spec.get("bootstrap")).get("initdb")));
        assertTrue(database.containsKey("database") && database.containsKey("owner"));
        var url = list(map(read("notifications.yaml").get("spec")).get("env")).stream()
                .map(KubernetesManifestsTest::map)
                .filter(variable -> "CODER_PG_CONNECTION_URL".equals(variable.get("name")))
                .findFirst()
                .orElseThrow();
        var reference = map(map(url.get("valueFrom")).get("secretKeyRef"));
        assertEquals(
                map(cluster.get("metadata")).get("name") + "-app",
                reference.get("name"),
                "the operator's application secret");
        assertEquals("uri", reference.get("key"));
    }

    private static Map<String, String> env(Map<String, Object> spec) {
        return list(spec.get("env")).stream()
                .map(KubernetesManifestsTest::map)
                .filter(variable -> variable.containsKey("value"))
                .collect(Collectors.toMap(
                        variable -> (String) variable.get("name"), variable -> (String) variable.get("value")));
    }

    private static Map<String, Object> read(String file) throws IOException {
        return new Yaml().load(Files.readString(FOLDER.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }
}
