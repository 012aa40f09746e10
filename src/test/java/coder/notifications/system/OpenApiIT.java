package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document (/openapi, no credentials) is valid for a real OpenAPI parser and describes every
 * resource method the application has: a new endpoint without a description fails the build.
 */
class OpenApiIT {

    private final ServiceProcess service = SharedService.get();

    @Test
    void theDocumentIsValidAndNeedsNoCredentials() {
        var result = parse();
        assertEquals(List.of(), result.messages());
        var api = result.api();
        assertEquals(
                "bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
        assertTrue(api.getComponents().getSchemas().containsKey("Error"));
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    assertNotNull(
                            operation.getExtensions() == null
                                    ? null
                                    : operation.getExtensions().get("x-roles"),
                            method + " " + path + " names its roles");
                    assertTrue(
                            operation.getResponses().keySet().stream()
                                    .anyMatch(code -> code.startsWith("2") || code.equals("304")),
                            method + " " + path);
                    assertTrue(operation.getResponses().containsKey("401"), method + " " + path + " documents the 401");
                }));
        var ui = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .redirects()
                .follow(true)
                .get("/openapi/ui/");
        assertEquals(200, ui.statusCode());
    }

    @Test
    void everyResourceMethodIsDescribed() throws Exception {
        var api = parse().api();
        var described = new TreeSet<String>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .keySet()
                        .forEach(method -> described.add(method.name() + " " + normalized("/api/v2" + path))));
        var implemented = new TreeSet<String>();
        for (var resource : resourceClasses()) {
            var base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                var verb = verb(method);
                if (verb != null) {
                    var sub = method.getAnnotation(Path.class);
                    implemented.add(
                            verb + " " + normalized("/api/v2/" + base + (sub == null ? "" : "/" + sub.value())));
                }
            }
        }
        // API routes served by a servlet rather than JAX-RS (the inbox's watch, which may upgrade to a WebSocket).
        for (var servlet : servlets) {
            for (var pattern : servlet.getAnnotation(WebServlet.class).urlPatterns()) {
                if (pattern.startsWith("/api/v2/")) {
                    implemented.add("GET " + normalized(pattern));
                }
            }
        }
        assertTrue(implemented.size() >= 18, "the scan found the resources: " + implemented);
        assertEquals(implemented, described, "resource methods and the OpenAPI document");
    }

    private record Parsed(OpenAPI api, List<String> messages) {}

    private Parsed parse() {
        var text = io.restassured.RestAssured.given()
                .baseUri(service.uri("").toString())
                .get("/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        var options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(text, null, options);
        assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
        return new Parsed(result.getOpenAPI(), result.getMessages() == null ? List.of() : result.getMessages());
    }

    /** Paths compared without parameter names and repeated slashes: /users/{id} and /users/{user} are one path. */
    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/").replaceAll("/$", "");
    }

    private static String verb(Method method) {
        for (var entry : Map.of(GET.class, "GET", PUT.class, "PUT", POST.class, "POST", DELETE.class, "DELETE")
                .entrySet()) {
            if (method.isAnnotationPresent(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The servlets found by the last {@link #resourceClasses} scan. */
    private static final List<Class<?>> servlets = new ArrayList<>();

    /** The JAX-RS resources of the application: its compiled classes with @Path (and, aside, its servlets). */
    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        var root = java.nio.file.Path.of("target/classes");
        var classes = new ArrayList<Class<?>>();
        servlets.clear();
        try (var files = Files.walk(root)) {
            for (var file : files.filter(path -> path.toString().endsWith(".class")
                            && !path.toString().contains("$"))
                    .toList()) {
                var name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith("coder.notifications.database.connection")) {
                    continue;
                }
                var type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    classes.add(type);
                }
                if (type.isAnnotationPresent(WebServlet.class)) {
                    servlets.add(type);
                }
            }
        }
        return classes;
    }
}
