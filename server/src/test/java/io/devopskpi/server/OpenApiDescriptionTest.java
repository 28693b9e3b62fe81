package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI description itself: well formed, complete, served, and strict enough to catch a wrong answer. */
class OpenApiDescriptionTest {
    private static final JsonNode DESCRIPTION = OpenApiContract.DESCRIPTION;

    @Test
    void isOpenApi31WithTheJsonSchemaDialectOf2020_12() {
        assertThat(DESCRIPTION.path("openapi").asText()).startsWith("3.1.");
        assertThat(DESCRIPTION.path("jsonSchemaDialect").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(DESCRIPTION.path("info").path("title").asText()).isNotBlank();
        assertThat(DESCRIPTION.path("info").path("version").asText()).isNotBlank();
        assertThat(DESCRIPTION.path("info").path("description").asText()).contains("/devops-kpi/api/v1/");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DESCRIPTION, "#", refs);
        assertThat(refs).hasSizeGreaterThan(100);
        List<String> dangling = refs.stream().filter(r -> !r.startsWith("#/")
                || DESCRIPTION.at(r.substring(1)).isMissingNode()).toList();
        assertThat(dangling).as("references that point nowhere").isEmpty();
    }

    @Test
    void everySchemaIsValidJsonSchema2020_12AndCompiles() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<String> problems = new ArrayList<>();
        List<String> schemaPointers = new ArrayList<>();
        DESCRIPTION.path("components").path("schemas").fieldNames()
                .forEachRemaining(name -> schemaPointers.add("#/components/schemas/" + name));
        collectMediaSchemas(DESCRIPTION, "#", schemaPointers);
        for (String pointer : schemaPointers) {
            for (Error error : metaSchema.validate(DESCRIPTION.at(pointer.substring(1)))) {
                problems.add(pointer + ": " + error);
            }
            // compiling resolves every $ref of the schema, transitively
            OpenApiContract.schema(pointer).validate(OpenApiContract.MAPPER.nullNode());
        }
        assertThat(problems).isEmpty();
        assertThat(schemaPointers).contains("#/components/schemas/DeploymentEvent",
                "#/components/schemas/IncidentEvent", "#/components/schemas/AssignmentEvent",
                "#/components/schemas/ApplicationEvent", "#/components/schemas/TargetEvent",
                "#/components/schemas/SurveyEvent", "#/components/schemas/PolicyEvent");
    }

    @Test
    void everyOperationHasAUniqueIdAnswersAndItsPathParameters() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        Pattern parameter = Pattern.compile("\\{([^}]+)}");
        for (Iterator<Map.Entry<String, JsonNode>> paths = DESCRIPTION.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey() + " " + path.getKey();
                if (!ids.add(op.getValue().path("operationId").asText())) {
                    problems.add(where + ": operationId missing or repeated");
                }
                if (op.getValue().path("responses").isEmpty()) {
                    problems.add(where + ": no responses");
                }
                Set<String> declared = new TreeSet<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode resolved = OpenApiContract.resolve(p);
                    if ("path".equals(resolved.path("in").asText())) {
                        declared.add(resolved.path("name").asText());
                    }
                }
                Set<String> inTemplate = new TreeSet<>();
                Matcher m = parameter.matcher(path.getKey());
                while (m.find()) {
                    inTemplate.add(m.group(1));
                }
                if (!declared.equals(inTemplate)) {
                    problems.add(where + ": path parameters " + declared + " but template has " + inTemplate);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every route the server registers is described (the read endpoints by the list core answers). */
    @Test
    void describesEveryEndpointTheServerRoutes() {
        List<String> missing = new ArrayList<>();
        for (String endpoint : List.of("kpis", "trends", "applications", "teams", "suppliers", "deployments",
                "failed-changes", "incidents", "components", "export.csv", "assignments", "targets", "surveys",
                "policies", "comparison", "scorecards/acme", "scorecards/acme.csv", "health", "openapi.json", "backup")) {
            if (OpenApiContract.operation("GET", "/api/v1/" + endpoint).isEmpty()) {
                missing.add("GET /api/v1/" + endpoint);
            }
        }
        for (String endpoint : List.of("events", "gate")) {
            if (OpenApiContract.operation("POST", "/api/v1/" + endpoint).isEmpty()) {
                missing.add("POST /api/v1/" + endpoint);
            }
        }
        for (String page : List.of("/metrics", "/", "/applications/shop", "/teams/t", "/suppliers/acme", "/compare",
                "/admin", "/assets/app/index.js", "/webjars/echarts/5.5.1/dist/echarts.min.js")) {
            if (OpenApiContract.operation("GET", page).isEmpty()) {
                missing.add("GET " + page);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(OpenApiContract.operation("GET", "/api/v1/scorecards/acme.csv").orElseThrow().template())
                .isEqualTo("/api/v1/scorecards/{supplier}.csv");
    }

    @Test
    void theServerServesItPubliclyAsJsonEvenWithAReadToken() throws Exception {
        TestServer plain = TestServer.start();
        ServerOptions tests = ServerOptions.forTests(TestServer.freshStore(), TestServer.TOKEN, TestServer.CLOCK);
        try (plain; TestServer guarded = TestServer.start(tests.store(), new ServerOptions(tests.bind(), tests.port(),
                tests.store(), TestServer.TOKEN, "read-secret", TestServer.CLOCK, tests.settings()))) {
            HttpResponse<String> served = plain.get("/api/v1/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(OpenApiContract.MAPPER.readTree(served.body())).isEqualTo(DESCRIPTION);
            assertThat(guarded.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
            assertThat(guarded.get("/api/v1/kpis").statusCode()).isEqualTo(401);
        }
    }

    /** The oracle is not vacuous: a real answer passes, and each kind of drift from it is caught. */
    @Test
    void catchesAnswersThatDriftFromTheDescription() throws Exception {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> kpis = server.get("/api/v1/kpis?application=shop");
            String body = kpis.body();
            assertThat(OpenApiContract.answerProblems("GET", "/api/v1/kpis", 200, "application/json", body)).isEmpty();

            ObjectNode withoutResolve = (ObjectNode) OpenApiContract.MAPPER.readTree(body);
            withoutResolve.remove("timeToResolve");
            assertThat(problems("/api/v1/kpis", 200, withoutResolve.toString())).anyMatch(p -> p.contains("timeToResolve"));

            ObjectNode zeroForNull = (ObjectNode) OpenApiContract.MAPPER.readTree(body);
            ((ObjectNode) zeroForNull.get("availability")).put("ratio", "1.0");
            assertThat(problems("/api/v1/kpis", 200, zeroForNull.toString())).isNotEmpty();

            ObjectNode extra = (ObjectNode) OpenApiContract.MAPPER.readTree(body);
            ((ObjectNode) extra.get("leadTime")).put("median", 1);
            assertThat(problems("/api/v1/kpis", 200, extra.toString())).isNotEmpty();

            ObjectNode badInstant = (ObjectNode) OpenApiContract.MAPPER.readTree(body);
            ((ObjectNode) badInstant.get("window")).put("from", "yesterday");
            assertThat(problems("/api/v1/kpis", 200, badInstant.toString())).isNotEmpty();

            assertThat(problems("/api/v1/kpis", 418, "{\"error\": \"teapot\"}")).isNotEmpty();
            assertThat(problems("/api/v1/nothing-here", 200, "{}")).isNotEmpty();
            assertThat(problems("/api/v1/kpis", 400, "{\"error\": \"a string where a list belongs\"}")).isNotEmpty();
            assertThat(OpenApiContract.answerProblems("GET", "/api/v1/export.csv", 200, "application/json", "{}"))
                    .isNotEmpty();

            HttpResponse<String> fake = server.send(HttpRequest.newBuilder(server.uri("/api/v1/health")).GET().build());
            assertThat(fake.statusCode()).isEqualTo(200);
        }
    }

    private static List<String> problems(String path, int status, String body) {
        return OpenApiContract.answerProblems("GET", path, status, "application/json; charset=utf-8", body);
    }

    private static void collectRefs(JsonNode node, String at, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), at + "/" + e.getKey(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, at, refs));
        }
    }

    /** Pointers to the schemas of request bodies and answers (content / media type / schema) outside components. */
    private static void collectMediaSchemas(JsonNode node, String at, List<String> pointers) {
        if (!node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            String here = at + "/" + OpenApiContract.escape(e.getKey());
            if (here.startsWith("#/paths/") && e.getKey().equals("schema") && at.contains("/content/")) {
                pointers.add(here);
            } else {
                collectMediaSchemas(e.getValue(), here, pointers);
            }
        });
    }
}
