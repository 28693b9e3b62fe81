package io.devopskpi.core.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.gate.ThresholdText;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.InvalidEventException;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.model.Voiding;
import io.devopskpi.core.text.Excerpt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps one event object of a request body to its model record. Every field is read (so that all of its problems
 * are reported together); the record is built only when the JSON itself was right, so the model's rules
 * (required, blank, order of times…) report on values and not on a type error already reported.
 */
final class EventFromJson {
    private static final List<String> TYPES = List.of("deployment", "incident", "assignment", "application",
            "target", "survey", "policy", "void", "unvoid");

    private final JsonObject json;
    private final int index;
    private final List<EventError> errors;

    private EventFromJson(JsonObject json, int index, List<EventError> errors) {
        this.json = json;
        this.index = index;
        this.errors = errors;
    }

    /** The event at {@code index} of the body, or null with its errors added to {@code errors}. */
    static Event read(JsonElement element, int index, List<EventError> errors) {
        if (!element.isJsonObject()) {
            errors.add(new EventError(index, null, "event " + index + " must be an object, got "
                    + JsonFields.describe(element)));
            return null;
        }
        return new EventFromJson(element.getAsJsonObject(), index, errors).read();
    }

    private Event read() {
        JsonElement type = json.get("type");
        String typeName = type != null && type.isJsonPrimitive() && type.getAsJsonPrimitive().isString()
                ? type.getAsString() : null;
        if (typeName == null || !TYPES.contains(typeName)) {
            String got = type == null || type.isJsonNull() ? "nothing" : JsonFields.describe(type);
            errors.add(new EventError(index, "type", "type must be one of " + String.join(", ", TYPES) + ", got " + got
                    + " (event " + index + ")"));
            return null;
        }
        EventProblems problems = new EventProblems(index, name(typeName), errors);
        JsonFields fields = new JsonFields(json, "", problems);
        fields.string("type");
        return switch (typeName) {
            case "deployment" -> deployment(fields, problems);
            case "incident" -> incident(fields, problems);
            case "assignment" -> assignment(fields, problems);
            case "application" -> profile(fields, problems);
            case "target" -> target(fields, problems);
            case "survey" -> survey(fields, problems);
            case "void" -> voiding(Voiding.Action.VOID, fields, problems);
            case "unvoid" -> voiding(Voiding.Action.UNVOID, fields, problems);
            default -> policy(fields, problems);
        };
    }

    /** How messages name the event before it is parsed: by its raw id (assignments: by their key). */
    private String name(String type) {
        String key = switch (type) {
            case "assignment" -> raw("application") + "/" + raw("responsibility") + "/" + raw("from");
            case "application" -> raw("application");
            case "target" -> raw("supplier") + "/" + raw("metric") + "/" + raw("from");
            case "policy" -> raw("name");
            case "void", "unvoid" -> rawTarget();
            default -> raw("id");
        };
        return type + " " + Excerpt.quoted(key);
    }

    private String rawTarget() {
        JsonElement target = json.get("target");
        if (target == null || !target.isJsonObject()) {
            return "?";
        }
        JsonElement type = target.getAsJsonObject().get("type");
        JsonElement id = target.getAsJsonObject().get("id");
        return (type != null && type.isJsonPrimitive() ? type.getAsString() : "?") + " "
                + (id != null && id.isJsonPrimitive() ? id.getAsString() : "?");
    }

    private String raw(String field) {
        JsonElement value = json.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "?";
    }

    private Deployment deployment(JsonFields fields, EventProblems problems) {
        Deployment.Builder builder = Deployment.builder(fields.string("id"))
                .application(fields.string("application"))
                .environment(fields.string("environment"))
                .started(fields.instant("started"))
                .finished(fields.instant("finished"))
                .result(fields.constant("result", DeploymentResult.class))
                .kind(fields.constant("kind", DeploymentKind.class))
                .revision(fields.string("revision"))
                .changes(nested(fields.objects("changes"), EventFromJson::change, problems))
                .components(nested(fields.objects("components"), EventFromJson::component, problems))
                .pipeline(fields.string("pipeline"))
                .url(fields.string("url"))
                .imported(Boolean.TRUE.equals(fields.bool("imported")))
                .team(fields.string("team"))
                .supplier(fields.string("supplier"));
        return build(fields, problems, builder::build);
    }

    private static Supplier<Change> change(JsonFields fields) {
        String id = fields.string("id");
        Instant committed = fields.instant("committed");
        String author = fields.string("author");
        return () -> new Change(id, committed, author);
    }

    private static Supplier<Component> component(JsonFields fields) {
        String name = fields.string("name");
        String version = fields.string("version");
        return () -> new Component(name, version);
    }

    private Incident incident(JsonFields fields, EventProblems problems) {
        String id = fields.string("id");
        String application = fields.string("application");
        String environment = fields.string("environment");
        Instant started = fields.instant("started");
        Instant detected = fields.instant("detected");
        Instant resolved = fields.instant("resolved");
        String severity = fields.string("severity");
        String cause = fields.string("cause");
        String team = fields.string("team");
        String supplier = fields.string("supplier");
        return build(fields, problems, () -> new Incident(id, application, environment, started, detected,
                resolved, severity, cause, team, supplier));
    }

    private Assignment assignment(JsonFields fields, EventProblems problems) {
        String application = fields.string("application");
        String supplier = fields.string("supplier");
        String team = fields.string("team");
        Responsibility responsibility = fields.constant("responsibility", Responsibility.class);
        Instant from = fields.instant("from");
        Instant to = fields.instant("to");
        return build(fields, problems, () -> new Assignment(application, supplier, team, responsibility, from, to));
    }

    private ApplicationProfile profile(JsonFields fields, EventProblems problems) {
        String application = fields.string("application");
        List<String> tags = fields.strings("tags");
        return build(fields, problems, () -> new ApplicationProfile(application, tags));
    }

    private ContractTarget target(JsonFields fields, EventProblems problems) {
        String supplier = fields.string("supplier");
        List<String> applications = fields.strings("applications");
        String metricName = fields.string("metric");
        GateMetric metric = metricName == null ? null : GateMetric.byApiName(metricName);
        if (metricName != null && metric == null) {
            fields.problem("metric", "metric must be one of " + GateMetric.apiNames() + ", got "
                    + Excerpt.quoted(metricName));
        }
        String symbol = fields.string("operator");
        Operator operator = symbol == null ? null : Operator.bySymbol(symbol);
        if (symbol != null && operator == null) {
            fields.problem("operator", "operator must be one of >=, >, <=, <, got " + Excerpt.quoted(symbol));
        }
        Double value = targetValue(fields, metric);
        Integer minSamples = fields.wholeNumber("minSamples");
        ReviewPeriod period = fields.constant("period", ReviewPeriod.class);
        Instant from = fields.instant("from");
        Instant to = fields.instant("to");
        String severityName = fields.string("minSeverity");
        Severity minSeverity = severityName == null ? null : Severity.minimum(severityName).orElse(null);
        if (severityName != null && minSeverity == null) {
            fields.problem("minSeverity", "minSeverity must be critical, major or minor, got "
                    + Excerpt.quoted(severityName));
        }
        // without a metric there is no value to read; the model then names the missing metric
        double limit = value == null ? Double.NaN : value;
        return build(fields, problems, () -> new ContractTarget(supplier, applications, metric, operator,
                limit, minSamples == null ? 0 : minSamples, period, from, to, minSeverity));
    }

    /** A number, or for duration metrics also a duration text ("4h", "PT4H"), as gates take them. */
    private static Double targetValue(JsonFields fields, GateMetric metric) {
        JsonElement value = fields.element("value");
        if (value == null) {
            fields.problem("value", "value is required");
            return null;
        }
        boolean number = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
        boolean text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
        if (!number && !text) {
            fields.problem("value", "value must be a number or a duration such as \"4h\", got "
                    + JsonFields.describe(value));
            return null;
        }
        if (metric == null) {
            return null;
        }
        if (text && metric.unit() != GateMetric.Unit.SECONDS) {
            fields.problem("value", "value: " + metric.apiName() + " takes a number, got "
                    + JsonFields.describe(value));
            return null;
        }
        try {
            return ThresholdText.value(metric, number ? value.getAsBigDecimal().toPlainString() : value.getAsString()).doubleValue();
        } catch (IllegalArgumentException e) {
            fields.problem("value", "value: " + e.getMessage());
            return null;
        }
    }

    private Survey survey(JsonFields fields, EventProblems problems) {
        String id = fields.string("id");
        String supplier = fields.string("supplier");
        String application = fields.string("application");
        Instant from = fields.instant("from");
        Instant to = fields.instant("to");
        Double score = fields.number("score");
        Integer respondents = fields.wholeNumber("respondents");
        String comment = fields.string("comment");
        if (fields.isAbsent("score")) {
            fields.problem("score", "score is required: the mean score from 1 to 5");
        }
        if (fields.isAbsent("respondents")) {
            fields.problem("respondents", "respondents is required: how many people answered");
        }
        return build(fields, problems, () -> new Survey(id, supplier, application, from, to, score, respondents,
                comment));
    }

    /** {@code {"type": "void"|"unvoid", "target": {"type": "deployment"|"incident", "id"}, "reason", "by"}} */
    private Voiding voiding(Voiding.Action action, JsonFields fields, EventProblems problems) {
        JsonFields target = fields.object("target");
        Voiding.TargetType targetType = null;
        String targetId = null;
        if (target == null) {
            fields.problem("target", "target is required: {\"type\": \"deployment\" or \"incident\", \"id\": ...}");
        } else {
            String typeName = target.string("type");
            targetId = target.string("id");
            if (typeName != null) {
                targetType = switch (typeName) {
                    case "deployment" -> Voiding.TargetType.DEPLOYMENT;
                    case "incident" -> Voiding.TargetType.INCIDENT;
                    default -> null;
                };
                if (targetType == null) {
                    target.problem("type", "target.type must be deployment or incident, got "
                            + Excerpt.quoted(typeName));
                }
            }
            target.rejectUnread();
        }
        String reason = fields.string("reason");
        String by = fields.string("by");
        Voiding.TargetType type = targetType;
        String id = targetId;
        return build(fields, problems, () -> new Voiding(action, type, id, reason, by));
    }

    private GatePolicy policy(JsonFields fields, EventProblems problems) {
        String name = fields.string("name");
        JsonElement gate = fields.element("gate");
        if (gate != null && !gate.isJsonObject()) {
            fields.problem("gate", "gate must be an object: the body of POST /api/v1/gate, got "
                    + JsonFields.describe(gate));
        } else if (gate != null) {
            for (QueryError error : GateJson.check(gate.getAsJsonObject())) {
                fields.problem("gate." + error.field(), "in gate, " + error.message());
            }
        }
        String text = gate == null ? null : gate.toString();
        return build(fields, problems, () -> new GatePolicy(name, text));
    }

    /**
     * The records of a nested array, each read and built on its own so that every item's problems are reported;
     * null when the array is absent. Model errors of an item are placed under its path ({@code changes[1].id}).
     */
    private static <T> List<T> nested(List<JsonFields> items, Function<JsonFields, Supplier<T>> reader,
            EventProblems problems) {
        if (items == null) {
            return null;
        }
        List<T> records = new ArrayList<>(items.size());
        for (JsonFields item : items) {
            int before = problems.count();
            Supplier<T> record = reader.apply(item);
            item.rejectUnread();
            if (problems.count() == before) {
                try {
                    records.add(record.get());
                } catch (InvalidEventException e) {
                    problems.add(e, item.path());
                }
            }
        }
        return records;
    }

    private static <T> T build(JsonFields fields, EventProblems problems, Supplier<T> record) {
        fields.rejectUnread();
        if (problems.count() > 0) {
            return null;
        }
        try {
            return record.get();
        } catch (InvalidEventException e) {
            problems.add(e, null);
            return null;
        }
    }
}
