package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A seeded mutation fuzzer for {@code POST /api/v1/events} (docs/reliability.md): valid events (api.md's examples)
 * with random mutations (type swaps, huge, blank-looking, astral, NUL and lone-surrogate strings, huge arrays, odd
 * time formats, nesting, duplicate keys, nulls, unknown and missing fields, reversed times), each sent alone or after
 * a valid event in one batch. Every answer is checked: never a 5xx; a 400 names a field for every error and leaves
 * the store unchanged; a 200 only for a payload the contract allows (its own judgement, {@link #contractProblems}),
 * read back through the API with its times in order.
 */
final class EventFuzzer {
    /** What a run saw. {@code serverErrors}, {@code unnamedErrors}, {@code acceptedInvalid} and
     * {@code storeChangedOnRefusal} must be empty. */
    record Report(int cases, int accepted, int refused400, int conflicts409, int other4xx, List<String> serverErrors,
            List<String> unnamedErrors, List<String> acceptedInvalid, List<String> storeChangedOnRefusal,
            List<String> readBackProblems, Map<String, Integer> refusedByField, List<String> answers, int dumps) {

        /** This run's figures and another's together (answers left out: a long run keeps only the figures). */
        Report plus(Report other) {
            Map<String, Integer> fields = new LinkedHashMap<>(refusedByField);
            other.refusedByField.forEach((field, count) -> fields.merge(field, count, Integer::sum));
            return new Report(cases + other.cases, accepted + other.accepted, refused400 + other.refused400,
                    conflicts409 + other.conflicts409, other4xx + other.other4xx,
                    joined(serverErrors, other.serverErrors), joined(unnamedErrors, other.unnamedErrors),
                    joined(acceptedInvalid, other.acceptedInvalid),
                    joined(storeChangedOnRefusal, other.storeChangedOnRefusal),
                    joined(readBackProblems, other.readBackProblems), fields, List.of(), dumps + other.dumps);
        }

        private static List<String> joined(List<String> a, List<String> b) {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }

        String summary() {
            return String.format("payloads tried: %d%naccepted (200): %d%nrefused 400: %d (every error naming a field: "
                    + "%s)%nconflicts 409: %d%nother 4xx: %d%n5xx: %d%naccepted although the contract forbids: %d%n"
                    + "store changed by a refused batch (whole store dumped before and after, %d dumps): %d%n"
                    + "read-back problems: %d", cases, accepted, refused400,
                    unnamedErrors.isEmpty() ? "yes" : unnamedErrors.size() + " not", conflicts409, other4xx,
                    serverErrors.size(), acceptedInvalid.size(), dumps, storeChangedOnRefusal.size(),
                    readBackProblems.size());
        }
    }

    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("id", 512, "cause", 512, "pipeline", 2048,
            "url", 2048, "comment", 2048);
    private static final int MAX_NAME = 200;
    private static final Map<String, Integer> MAX_ITEMS = Map.of("changes", 10_000, "components", 1_000, "tags", 20);
    private static final Set<String> TIMES = Set.of("started", "finished", "detected", "resolved", "committed",
            "from", "to");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "deployment", Set.of("type", "id", "application", "environment", "started", "finished", "result", "kind",
                    "revision", "changes", "components", "pipeline", "url", "imported", "team", "supplier"),
            "incident", Set.of("type", "id", "application", "environment", "started", "detected", "resolved",
                    "severity", "cause", "team", "supplier"),
            "assignment", Set.of("type", "application", "supplier", "team", "responsibility", "from", "to"),
            "application", Set.of("type", "application", "tags"));
    private static final Set<String> CHANGE_FIELDS = Set.of("id", "committed", "author");
    private static final Set<String> COMPONENT_FIELDS = Set.of("name", "version");
    private static final String[] BLANKS = {" ", "\u00a0", "\u2007\u202f", "\u200b", "\ufeff", "\t\n", "\u3000",
        "\u2028", "\u0000"};
    private static final String[] TIME_TEXTS = {"2026-01-05T10:00:00.Z", "2026-01-05t10:00:00z", "2026-01-05T10:00Z",
        "2026-01-05", "+12026-01-05T10:00:00Z", "-5000-01-01T00:00:00Z", "2026-01-05T10:00:00+01:00",
        "2026-01-05T10:00:00.123456789Z", "2026-13-05T10:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "0000-12-31T23:59:59Z", "2026-01-05T10:00:00+14:00", "2026-01-05T10:00:00-00:00", "2026-01-05 10:00:00Z",
        "2026-02-29T10:00:00Z", "2026-01-05T24:00:00Z", "2026-01-05T10:00:60Z",
        "2026-01-04T23:59:60Z", "1e9", "", "2026-01-05T10:00:00Z "};

    private final TestServer server;
    private final Random random;
    private final Instant now;
    private int sequence;

    EventFuzzer(TestServer server, long seed, Instant now) {
        this.server = server;
        this.random = new Random(seed);
        this.now = now;
    }

    Report run(int cases) {
        int accepted = 0;
        int refused = 0;
        int conflicts = 0;
        int other = 0;
        List<String> serverErrors = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        List<String> acceptedInvalid = new ArrayList<>();
        List<String> storeChanged = new ArrayList<>();
        List<String> readBack = new ArrayList<>();
        Map<String, Integer> byField = new LinkedHashMap<>();
        List<String> answers = new ArrayList<>();
        // The store can change only by an accepted case. So the whole store is dumped when it may have changed
        // (at the start, after a 200) and compared, before a case the fuzzer expects to be accepted and at the end,
        // with a fresh dump: every refusal since the last dump must have left it byte for byte as it was.
        String stable = StoreDump.of(server.server.store());
        int dumps = 1;
        List<String> unverified = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            Payload payload = mutated();
            List<String> problems = payload.problems();
            if (problems.isEmpty() && !unverified.isEmpty()) {
                dumps++;
                if (!StoreDump.of(server.server.store()).equals(stable)) {
                    storeChanged.add("one of " + unverified);
                }
                unverified.clear();
            }
            HttpResponse<String> response = server.post(payload.text());
            int status = response.statusCode();
            answers.add(status + " " + response.body());
            String label = "case " + c + " (" + String.join(", ", payload.mutations) + "): "
                    + excerpt(payload.text());
            if (status >= 500) {
                serverErrors.add(status + " " + label + " -> " + excerpt(response.body()));
            } else if (status == 200) {
                accepted++;
                if (!problems.isEmpty()) {
                    acceptedInvalid.add(problems + " " + label);
                } else {
                    readBack.addAll(readBack(payload.event, label));
                }
                stable = StoreDump.of(server.server.store());
                dumps++;
                unverified.clear(); // a 200 after refusals only for a forbidden payload, reported above
            } else if (status == 400) {
                refused++;
                for (JsonElement error : TestServer.json(response).getAsJsonArray("errors")) {
                    JsonElement field = error.getAsJsonObject().get("field");
                    if (field == null || field.isJsonNull() || field.getAsString().isBlank()) {
                        unnamed.add(label + " -> " + excerpt(response.body()));
                    } else {
                        byField.merge(field.getAsString().replaceAll("\\[\\d+]", "[]"), 1, Integer::sum);
                    }
                }
                unverified.add("case " + c);
            } else if (status == 409) {
                conflicts++;
                unverified.add("case " + c);
            } else {
                other++;
                unnamed.add(status + " " + label + " -> " + excerpt(response.body()));
                unverified.add("case " + c);
            }
        }
        if (!unverified.isEmpty()) {
            dumps++;
            if (!StoreDump.of(server.server.store()).equals(stable)) {
                storeChanged.add("one of " + unverified);
            }
        }
        return new Report(cases, accepted, refused, conflicts, other, serverErrors, unnamed, acceptedInvalid,
                storeChanged, readBack, byField, answers, dumps);
    }

    /** A sent body: the event as a tree, the objects given a key twice, whether a valid event goes before it. */
    private final class Payload {
        final JsonObject event;
        final Map<JsonObject, String> duplicated = new IdentityHashMap<>();
        final List<String> mutations = new ArrayList<>();
        JsonObject before;

        Payload(JsonObject event) {
            this.event = event;
        }

        String text() {
            StringBuilder out = new StringBuilder();
            if (before != null) {
                out.append('[');
                write(before, out);
                out.append(',');
            }
            write(event, out);
            return before == null ? out.toString() : out.append(']').toString();
        }

        private void write(JsonElement element, StringBuilder out) {
            if (element.isJsonObject()) {
                out.append('{');
                String comma = "";
                String twice = duplicated.get(element.getAsJsonObject());
                // only reachable objects are written, so the check of problems() sees exactly what was sent
                if (twice != null && element.getAsJsonObject().has(twice)) {
                    out.append(quote(twice)).append(":\"first\"");
                    comma = ",";
                }
                for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                    out.append(comma).append(quote(entry.getKey())).append(':');
                    write(entry.getValue(), out);
                    comma = ",";
                }
                out.append('}');
            } else if (element.isJsonArray()) {
                out.append('[');
                String comma = "";
                for (JsonElement item : element.getAsJsonArray()) {
                    out.append(comma);
                    write(item, out);
                    comma = ",";
                }
                out.append(']');
            } else if (element.isJsonNull()) {
                out.append("null");
            } else if (element.getAsJsonPrimitive().isString()) {
                out.append(quote(element.getAsString()));
            } else {
                out.append(element.getAsJsonPrimitive().toString());
            }
        }

        /** Why the contract (api.md, its limits) forbids this payload; empty when it allows it. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            Set<JsonObject> sent = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            reachable(event, sent);
            // a later mutation may have replaced the object given a key twice, or removed the key
            if (duplicated.entrySet().stream()
                    .anyMatch(e -> sent.contains(e.getKey()) && e.getKey().has(e.getValue()))) {
                problems.add("a key given twice");
            }
            contractProblems(event, problems);
            return problems;
        }
    }

    private Payload mutated() {
        int n = sequence++;
        JsonObject event = base(n);
        Payload payload = new Payload(event);
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            mutate(payload);
        }
        if (random.nextInt(5) == 0) {
            payload.before = base(sequence++);
            payload.mutations.add("after a valid event");
        }
        return payload;
    }

    /** A valid event of api.md's examples, with ids and application made unique so that cases do not conflict. */
    private JsonObject base(int n) {
        String text = switch (n % 4) {
            case 0 -> Events.DEPLOYMENT;
            case 1 -> """
                {"type": "incident", "id": "INC-7", "application": "shop", "environment": "production",
                 "started": "2026-01-05T11:00:00Z", "detected": "2026-01-05T11:20:00Z",
                 "resolved": "2026-01-05T13:00:00Z", "severity": "major", "cause": "ci-1/shop/42",
                 "team": null, "supplier": null}""";
            case 2 -> """
                {"type": "assignment", "application": "shop", "supplier": "acme", "team": "payments",
                 "responsibility": "DELIVERY", "from": "2026-01-01T00:00:00Z", "to": null}""";
            default -> """
                {"type": "application", "application": "shop", "tags": ["web", "customer-facing"]}""";
        };
        JsonObject event = JsonParser.parseString(text).getAsJsonObject();
        if (event.has("id")) {
            event.addProperty("id", event.get("id").getAsString() + "-" + n);
        }
        event.addProperty("application", "fuzz-" + n);
        return event;
    }

    private void mutate(Payload payload) {
        List<Slot> slots = new ArrayList<>();
        slots(payload.event, slots);
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(14)) {
            case 0 -> {
                JsonElement[] swaps = {new JsonPrimitive(42), new JsonPrimitive(-1.5e300), new JsonPrimitive(true),
                    new JsonArray(), new JsonObject(), new JsonPrimitive("x"), new JsonPrimitive("SUCCESS")};
                slot.set(swaps[random.nextInt(swaps.length)]);
                payload.mutations.add("type swap " + slot.name);
            }
            case 1 -> {
                int[] lengths = {199, 200, 201, 511, 512, 513, 2047, 2048, 2049, 10_000, 200_000};
                slot.set(new JsonPrimitive("a".repeat(lengths[random.nextInt(lengths.length)])));
                payload.mutations.add("long string " + slot.name);
            }
            case 2 -> {
                String blank = BLANKS[random.nextInt(BLANKS.length)];
                slot.set(new JsonPrimitive(random.nextBoolean() ? blank : blank.repeat(1 + random.nextInt(5))));
                payload.mutations.add("blank-looking " + slot.name);
            }
            case 3 -> {
                int[] counts = {1, 25, 99, 100, 101, 256, 257, 1_024, 1_025};
                slot.set(new JsonPrimitive("\ud835\udcae".repeat(counts[random.nextInt(counts.length)])));
                payload.mutations.add("astral " + slot.name);
            }
            case 4 -> {
                String[] odd = {"a\u0000b", "\ud800", "x\udc00y", "\udbff", "ok\ud835", "\u0001\u001f", "<script>"};
                slot.set(new JsonPrimitive(odd[random.nextInt(odd.length)]));
                payload.mutations.add("odd characters " + slot.name);
            }
            case 5 -> {
                String time = TIME_TEXTS[random.nextInt(TIME_TEXTS.length)];
                Slot timeSlot = slots.stream().filter(s -> TIMES.contains(s.name)).findAny().orElse(slot);
                timeSlot.set(new JsonPrimitive(time));
                payload.mutations.add("time " + timeSlot.name + "=" + time);
            }
            case 6 -> {
                int depth = new int[] {3, 10, 63, 70, 500}[random.nextInt(5)];
                // built, not parsed: Gson 2.15's reader stops at 255 levels
                JsonArray nested = new JsonArray();
                for (int level = 1; level < depth; level++) {
                    JsonArray outer = new JsonArray();
                    outer.add(nested);
                    nested = outer;
                }
                slot.set(nested);
                payload.mutations.add("nested " + depth + " " + slot.name);
            }
            case 7 -> {
                JsonObject owner = slot.owner == null ? payload.event : slot.owner;
                List<String> keys = new ArrayList<>(owner.keySet());
                if (!keys.isEmpty()) {
                    payload.duplicated.put(owner, keys.get(random.nextInt(keys.size())));
                    payload.mutations.add("duplicate key");
                }
            }
            case 8 -> {
                slot.set(JsonNull.INSTANCE);
                payload.mutations.add("null " + slot.name);
            }
            case 9 -> {
                JsonObject owner = slot.owner == null ? payload.event : slot.owner;
                owner.addProperty(random.nextBoolean() ? "autor" : "extra\u00e9", 1);
                payload.mutations.add("unknown field");
            }
            case 10 -> {
                if (slot.owner != null) {
                    slot.owner.remove(slot.name);
                    payload.mutations.add("missing " + slot.name);
                }
            }
            case 11 -> hugeArray(payload);
            case 12 -> {
                JsonObject event = payload.event;
                String[][] pairs = {{"started", "finished"}, {"from", "to"}, {"started", "resolved"}};
                for (String[] pair : pairs) {
                    if (event.has(pair[0]) && event.has(pair[1]) && !event.get(pair[1]).isJsonNull()) {
                        JsonElement first = event.get(pair[0]);
                        event.add(pair[0], event.get(pair[1]));
                        event.add(pair[1], first);
                    }
                }
                payload.mutations.add("times swapped");
            }
            default -> {
                String[] words = {"success", "Success", "production ", "unassigned", "BOTH", "HOTFIX", "javascript:x",
                    "ftp://x", "https://ci.example/job/1/"};
                String word = words[random.nextInt(words.length)];
                slot.set(new JsonPrimitive(word));
                payload.mutations.add("word " + slot.name + "=" + word);
            }
        }
    }

    private void hugeArray(Payload payload) {
        JsonObject event = payload.event;
        String type = event.has("type") && event.get("type").isJsonPrimitive() ? event.get("type").getAsString() : "";
        int[] sizes = {20, 21, 1_000, 1_001, 10_000, 10_001, 100_000};
        int size = sizes[random.nextInt(sizes.length)];
        JsonArray array = new JsonArray();
        if (type.equals("deployment") && random.nextBoolean()) {
            for (int i = 0; i < size; i++) {
                JsonObject change = new JsonObject();
                change.addProperty("id", random.nextBoolean() ? "c" : "c" + i);
                change.addProperty("committed", "2026-01-04T09:00:00Z");
                array.add(change);
            }
            event.add("changes", array);
            payload.mutations.add(size + " changes");
        } else if (type.equals("deployment")) {
            for (int i = 0; i < size; i++) {
                JsonObject component = new JsonObject();
                component.addProperty("name", "lib" + i);
                component.addProperty("version", "1.0");
                array.add(component);
            }
            event.add("components", array);
            payload.mutations.add(size + " components");
        } else {
            for (int i = 0; i < size; i++) {
                array.add(random.nextBoolean() ? "web" : "t" + i);
            }
            event.add("tags", array);
            payload.mutations.add(size + " tags");
        }
    }

    private static void reachable(JsonElement element, Set<JsonObject> objects) {
        if (element.isJsonObject()) {
            objects.add(element.getAsJsonObject());
            element.getAsJsonObject().entrySet().forEach(e -> reachable(e.getValue(), objects));
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> reachable(item, objects));
        }
    }

    /** A place in the event that a mutation may replace: a field of the event or of an object in one of its arrays. */
    private record Slot(JsonObject owner, String name) {
        void set(JsonElement value) {
            owner.add(name, value);
        }
    }

    private static void slots(JsonObject object, List<Slot> slots) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            slots.add(new Slot(object, entry.getKey()));
            if (entry.getValue().isJsonArray()) {
                for (JsonElement item : entry.getValue().getAsJsonArray()) {
                    if (item.isJsonObject()) {
                        slots(item.getAsJsonObject(), slots);
                    }
                }
            }
        }
    }

    /** The fuzzer's own reading of api.md: why an event it sent is not one the contract allows. */
    private void contractProblems(JsonObject event, List<String> problems) {
        JsonElement typeValue = event.get("type");
        String type = typeValue != null && typeValue.isJsonPrimitive() ? typeValue.getAsString() : "?";
        Set<String> fields = FIELDS.get(type);
        if (fields == null) {
            problems.add("type " + type);
            return;
        }
        for (Map.Entry<String, JsonElement> entry : event.entrySet()) {
            if (!fields.contains(entry.getKey())) {
                problems.add("unknown field " + entry.getKey());
            }
        }
        Map<String, Instant> times = new LinkedHashMap<>();
        for (String field : fields) {
            JsonElement value = event.get(field);
            if (value == null || value.isJsonNull()) {
                continue;
            }
            if (field.equals("changes") || field.equals("components") || field.equals("tags")) {
                checkArray(field, value, problems);
            } else if (field.equals("imported")) {
                if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                    problems.add("imported not a boolean");
                }
            } else if (TIMES.contains(field)) {
                Instant time = time(field, value, problems);
                if (time != null) {
                    times.put(field, time);
                }
            } else {
                text(field, value, problems);
            }
        }
        Instant started = times.get("started");
        for (String later : List.of("finished", "detected", "resolved")) {
            if (started != null && times.containsKey(later) && times.get(later).isBefore(started)) {
                problems.add(later + " before started");
            }
        }
        if (times.containsKey("from") && times.containsKey("to") && !times.get("to").isAfter(times.get("from"))) {
            problems.add("to not after from");
        }
        if (!type.equals("assignment")) {
            times.forEach((field, time) -> {
                if (time.isAfter(now.plus(Duration.ofHours(24)))) {
                    problems.add(field + " more than 24 h ahead");
                }
            });
        }
    }

    private void checkArray(String field, JsonElement value, List<String> problems) {
        if (!value.isJsonArray()) {
            problems.add(field + " not an array");
            return;
        }
        JsonArray array = value.getAsJsonArray();
        if (array.size() > MAX_ITEMS.get(field)) {
            problems.add(field + " has " + array.size() + " items");
        }
        for (JsonElement item : array) {
            if (field.equals("tags")) {
                text("tag", item, problems);
                continue;
            }
            if (!item.isJsonObject()) {
                problems.add(field + " item not an object");
                continue;
            }
            Set<String> known = field.equals("changes") ? CHANGE_FIELDS : COMPONENT_FIELDS;
            for (Map.Entry<String, JsonElement> entry : item.getAsJsonObject().entrySet()) {
                if (!known.contains(entry.getKey())) {
                    problems.add("unknown field " + field + "[]." + entry.getKey());
                } else if (entry.getValue().isJsonNull()) {
                    continue;
                } else if (entry.getKey().equals("committed")) {
                    time("committed", entry.getValue(), problems);
                } else {
                    text(entry.getKey(), entry.getValue(), problems);
                }
            }
        }
    }

    private static Instant time(String field, JsonElement value, List<String> problems) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            problems.add(field + " not a string");
            return null;
        }
        String text = value.getAsString();
        if (!INSTANT.matcher(text).matches()) {
            problems.add(field + " odd time '" + text + "'");
            return null;
        }
        Instant time;
        try {
            time = java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.DateTimeException e) {
            problems.add(field + " impossible time '" + text + "'");
            return null;
        }
        if (time.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || time.isAfter(
                Instant.parse("9999-12-31T23:59:59.999999Z"))) {
            problems.add(field + " outside the years 1 to 9999");
        }
        return time;
    }

    private static void text(String field, JsonElement value, List<String> problems) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            problems.add(field + " not a string");
            return;
        }
        String text = value.getAsString();
        if (text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            problems.add(field + " blank");
        }
        if (text.length() > MAX_LENGTH.getOrDefault(field, field.equals("tag") ? 50 : MAX_NAME)) {
            problems.add(field + " has " + text.length() + " UTF-16 code units");
        }
        if (text.indexOf('\u0000') >= 0) {
            problems.add(field + " holds NUL");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(field + " holds a lone surrogate");
                break;
            }
        }
    }

    /** Reads an accepted deployment or incident back through the API and checks what it shows. */
    private List<String> readBack(JsonObject event, String label) {
        String type = event.get("type").getAsString();
        if (!type.equals("deployment") && !type.equals("incident")) {
            return List.of();
        }
        String application = event.get("application").getAsString();
        String list = type.equals("deployment") ? "deployments" : "incidents";
        String environment = event.get("environment").getAsString();
        Instant at = java.time.OffsetDateTime.parse(event.get(type.equals("deployment") ? "finished" : "started")
                .getAsString()).toInstant();
        HttpResponse<String> response = server.get("/api/v1/" + list + "?application=" + encode(application)
                + "&environment=" + encode(environment) + "&from=" + at.minus(Duration.ofDays(1)) + "&to="
                + at.plus(Duration.ofDays(1)) + "&limit=500");
        if (response.statusCode() != 200) {
            return List.of("read-back " + response.statusCode() + " " + excerpt(response.body()) + " " + label);
        }
        List<String> problems = new ArrayList<>();
        boolean found = false;
        for (JsonElement item : TestServer.json(response).getAsJsonArray(list)) {
            JsonObject stored = item.getAsJsonObject();
            if (!stored.get("id").getAsString().equals(event.get("id").getAsString())) {
                continue;
            }
            found = true;
            Instant started = Instant.parse(stored.get("started").getAsString());
            for (String later : List.of("finished", "detected", "resolved")) {
                JsonElement value = stored.get(later);
                if (value != null && !value.isJsonNull() && Instant.parse(value.getAsString()).isBefore(started)) {
                    problems.add("stored " + later + " before started: " + label);
                }
            }
            if (!stored.get("application").getAsString().equals(application)) {
                problems.add("stored application differs: " + label);
            }
        }
        if (!found) {
            problems.add("accepted but not listed: " + label);
        }
        return problems;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** JSON string with everything outside printable ASCII escaped, so lone surrogates travel as {@code \ud800}. */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String excerpt(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
    }

    /** A server on {@code store} that takes the fuzzer's requests as fast as it sends them (no rate limit). */
    static TestServer withoutRateLimit(io.devopskpi.core.store.StoreConfig store) {
        return TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN, TestServer.CLOCK),
                ServerLimits.defaults().withRate(RateLimit.OFF));
    }

    /** The cases of one round of {@link #main}, on one fresh store. */
    static final int ROUND = 10_000;

    /** {@code EventFuzzer CASES [SEED]}: a run against a fresh in-memory server; exit 1 on any violation. */
    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        System.out.printf("%d cases, seed %d%n", cases, seed);
        long start = System.nanoTime();
        // rounds of at most ROUND cases, each on a fresh store with its own seed (seed, seed + 1, …): every case is
        // checked against the whole store, whose dump grows with what was accepted; fresh stores keep that linear
        Report report = null;
        for (int round = 0; round * ROUND < cases; round++) {
            int size = Math.min(ROUND, cases - round * ROUND);
            try (TestServer server = withoutRateLimit(TestServer.freshStore())) {
                Report one = new EventFuzzer(server, seed + round, TestServer.NOW).run(size);
                report = report == null ? one : report.plus(one);
            }
            System.out.printf("after %d cases (%d s): %d accepted, %d refused 400, %d 5xx, %d violations%n",
                    report.cases(), Duration.ofNanos(System.nanoTime() - start).toSeconds(), report.accepted(),
                    report.refused400(), report.serverErrors().size(), report.unnamedErrors().size()
                            + report.acceptedInvalid().size() + report.storeChangedOnRefusal().size()
                            + report.readBackProblems().size());
        }
        System.out.println(report.summary());        System.out.printf("elapsed: %d s%n400 errors by field: %s%n", Duration.ofNanos(System.nanoTime() - start)
                .toSeconds(), report.refusedByField());
        List<String> violations = new ArrayList<>();
        violations.addAll(report.serverErrors());
        violations.addAll(report.unnamedErrors());
        violations.addAll(report.acceptedInvalid());
        violations.addAll(report.storeChangedOnRefusal());
        violations.addAll(report.readBackProblems());
        violations.stream().limit(20).forEach(v -> System.out.println("VIOLATION " + v));
        System.exit(violations.isEmpty() ? 0 : 1);
    }
}
