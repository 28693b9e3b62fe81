package io.devopskpi.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's OpenAPI description ({@code openapi.json} beside {@link OpenApiHandler}) as a test oracle: which
 * operation a request reached, and whether an answer or a request body is what the description says. The
 * description is parsed once and each schema compiled once per JVM, so checking every answer of the suite costs
 * little. Formats ({@code date-time}) are asserted, not only annotated.
 */
public final class OpenApiContract {
    /** Where the description is registered for the validator; {@code $ref}s inside it resolve against this. */
    static final String BASE = "https://devops-kpi.test/openapi.json";
    static final String TEXT = new String(OpenApiHandler.load(), StandardCharsets.UTF_8);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNode DESCRIPTION = parse(TEXT);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder
                    .schemas(Map.of(BASE, TEXT))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();
    private static final List<Template> TEMPLATES = templates();

    private OpenApiContract() {
    }

    /** One operation of the description: its path template, method and JSON Pointer. */
    public record Operation(String template, String method, JsonNode node) {
        String pointer() {
            return "#/paths/" + escape(template) + "/" + method;
        }
    }

    private record Template(String template, Pattern pattern, int literals) {
    }

    /**
     * Fails (AssertionError) when the answer to a request is not one the description allows: an undocumented path,
     * method or status, a content type it does not list, or a JSON body its schema refuses.
     */
    public static void requireDocumented(HttpResponse<String> response) {
        String method = response.request().method();
        String path = response.request().uri().getRawPath();
        List<String> problems = answerProblems(method, path, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer to " + method + " " + path + " (HTTP " + response.statusCode()
                    + ") disagrees with openapi.json:\n  " + String.join("\n  ", problems) + "\nbody: "
                    + excerpt(response.body()));
        }
    }

    /** The operation a request reaches, by path template (the most literal one) and method. */
    public static Optional<Operation> operation(String method, String rawPath) {
        return template(rawPath).map(t -> DESCRIPTION.get("paths").get(t.template()))
                .map(item -> item.get(method.toLowerCase(Locale.ROOT)))
                .map(node -> new Operation(template(rawPath).get().template(), method.toLowerCase(Locale.ROOT), node));
    }

    /** What is wrong with an answer, by the description; empty when nothing is. */
    public static List<String> answerProblems(String method, String rawPath, int status, String contentType,
            String body) {
        Optional<Template> template = template(rawPath);
        if (template.isEmpty() || DESCRIPTION.get("paths").get(template.get().template())
                .get(method.toLowerCase(Locale.ROOT)) == null) {
            // what no route answers: Javalin's 404 and 405, in the error shape of every other error
            boolean routeless = template.isEmpty() ? status == 404 : status == 405;
            if (!routeless) {
                return List.of((template.isEmpty() ? "no path of the description matches " + rawPath
                        : method + " is not documented for " + template.get().template()));
            }
            return isJson(contentType) ? validate("#/components/schemas/Error", body) : List.of();
        }
        Operation operation = operation(method, rawPath).orElseThrow();
        JsonNode answer = resolve(operation.node().path("responses").get(Integer.toString(status)));
        if (answer == null) {
            return List.of("status " + status + " is not documented for " + operation.method().toUpperCase(Locale.ROOT)
                    + " " + operation.template());
        }
        JsonNode content = answer.get("content");
        if (body == null || body.isEmpty()) {
            return content == null || status == 304 ? List.of()
                    : List.of("the description promises a body for status " + status + ", the answer has none");
        }
        if (content == null) {
            return List.of("status " + status + " is documented without a body, the answer has one");
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (content.has(mediaType)) {
            return isJson(contentType) ? validate(mediaSchema(operation, status, answer, mediaType), body) : List.of();
        }
        return content.has("*/*") && !isJson(contentType) ? List.of()
                : List.of("content type " + contentType + " is not documented for status " + status + " (documented: "
                        + names(content) + ")");
    }

    /** What is wrong with a request body for an operation; empty when nothing is. */
    public static List<String> requestProblems(Operation operation, String body) {
        JsonNode schema = operation.node().path("requestBody").path("content").path("application/json")
                .path("schema");
        if (schema.isMissingNode()) {
            return List.of(operation.method() + " " + operation.template() + " documents no JSON request body");
        }
        return validate(reference(schema, operation.pointer() + "/requestBody/content/application~1json/schema"),
                body);
    }

    /** The compiled schema at a reference into the description ({@code #/components/schemas/Error}). */
    public static Schema schema(String ref) {
        return COMPILED.computeIfAbsent(ref, r -> {
            Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + r));
            schema.initializeValidators();
            return schema;
        });
    }

    /** Every violation of the schema at {@code ref} by the JSON text {@code body} (which must parse). */
    public static List<String> validate(String ref, String body) {
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of("the body is not JSON: " + e.getOriginalMessage());
        }
        return validate(ref, json);
    }

    public static List<String> validate(String ref, JsonNode json) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema(ref).validate(json)) {
            problems.add(error.toString() + " (schema " + ref + ")");
        }
        return problems;
    }

    /** The schema reference of a response's media type: its {@code $ref}, or the pointer to an inline schema. */
    private static String mediaSchema(Operation operation, int status, JsonNode answer, String mediaType) {
        JsonNode own = operation.node().path("responses").get(Integer.toString(status));
        String where = own.has("$ref") ? own.get("$ref").asText()
                : operation.pointer() + "/responses/" + status;
        return reference(answer.path("content").path(mediaType).path("schema"),
                where + "/content/" + escape(mediaType) + "/schema");
    }

    private static String reference(JsonNode schema, String pointer) {
        return schema.has("$ref") && schema.size() == 1 ? schema.get("$ref").asText() : pointer;
    }

    /** A response object, following a {@code $ref} to {@code #/components/responses/...}. */
    static JsonNode resolve(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return node;
        }
        JsonNode target = DESCRIPTION.at(node.get("$ref").asText().substring(1));
        return target.isMissingNode() ? null : target;
    }

    private static Optional<Template> template(String rawPath) {
        return TEMPLATES.stream().filter(t -> t.pattern().matcher(rawPath).matches())
                .max((a, b) -> Integer.compare(a.literals(), b.literals()));
    }

    private static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        Pattern parameter = Pattern.compile("\\{([^}]+)}");
        for (Iterator<String> names = DESCRIPTION.get("paths").fieldNames(); names.hasNext();) {
            String template = names.next();
            StringBuilder regex = new StringBuilder();
            Matcher m = parameter.matcher(template);
            int end = 0;
            int literals = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(end, m.start())));
                literals += m.start() - end;
                // "path" may span segments (/assets/app/index.js); other parameters are one segment
                regex.append(m.group(1).equals("path") ? ".+" : "[^/]+");
                end = m.end();
            }
            regex.append(Pattern.quote(template.substring(end)));
            literals += template.length() - end;
            templates.add(new Template(template, Pattern.compile(regex.toString()), literals));
        }
        return List.copyOf(templates);
    }

    static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String excerpt(String body) {
        return body == null ? "(none)" : body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("openapi.json is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
