package io.devopskpi.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {
    private static final String DEPLOYMENT = """
            {"type": "deployment", "id": "ci-1/shop/42", "application": "shop", "environment": "production",
             "started": "2026-01-05T10:00:00Z", "finished": "2026-01-05T10:07:00Z",
             "result": "SUCCESS", "kind": "HOTFIX", "revision": "9f2c1e0",
             "changes": [{"id": "c41", "committed": "2026-01-04T09:00:00Z", "author": "ann"}],
             "components": [{"name": "pipeline-lib", "version": "3.2.0"}],
             "pipeline": "shop/main", "url": "https://ci.example/job/shop/42/", "imported": true,
             "team": null, "supplier": "acme"}""";
    private static final String INCIDENT = """
            {"type": "incident", "id": "INC-7", "application": "shop", "environment": "production",
             "started": "2026-01-05T11:00:00Z", "detected": "2026-01-05T11:20:00Z", "resolved": null,
             "severity": "major", "cause": "ci-1/shop/42", "team": "payments"}""";
    private static final String ASSIGNMENT = """
            {"type": "assignment", "application": "shop", "supplier": "acme", "team": "payments",
             "responsibility": "DELIVERY", "from": "2026-01-01T00:00:00Z", "to": null}""";

    @Test
    void readsEveryFieldOfADeployment() {
        Deployment d = (Deployment) single(DEPLOYMENT);

        assertThat(d).isEqualTo(Deployment.builder("ci-1/shop/42").application("shop").environment("production")
                .started(Instant.parse("2026-01-05T10:00:00Z")).finished(Instant.parse("2026-01-05T10:07:00Z"))
                .result(DeploymentResult.SUCCESS).kind(DeploymentKind.HOTFIX).revision("9f2c1e0")
                .changes(List.of(new Change("c41", Instant.parse("2026-01-04T09:00:00Z"), "ann")))
                .components(List.of(new Component("pipeline-lib", "3.2.0")))
                .pipeline("shop/main").url("https://ci.example/job/shop/42/").imported(true).supplier("acme")
                .build());
    }

    @Test
    void readsIncidentsAndAssignmentsWithNullAsAbsent() {
        List<Event> events = EventJson.parse("[" + INCIDENT + "," + ASSIGNMENT + "]");

        assertThat(events).containsExactly(
                new Incident("INC-7", "shop", "production", Instant.parse("2026-01-05T11:00:00Z"),
                        Instant.parse("2026-01-05T11:20:00Z"), null, "major", "ci-1/shop/42", "payments", null),
                new Assignment("shop", "acme", "payments", Responsibility.DELIVERY,
                        Instant.parse("2026-01-01T00:00:00Z"), null));
    }

    @Test
    void defaultsKindAndImportedAndAcceptsOffsets() {
        Deployment d = (Deployment) single("""
                {"type": "deployment", "id": "d1", "application": "shop", "environment": "production",
                 "started": "2026-01-05T11:00:00+01:00", "finished": "2026-01-05T10:07:00Z", "result": "FAILURE"}""");

        assertThat(d.started()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(d.kind()).isEqualTo(DeploymentKind.NORMAL);
        assertThat(d.imported()).isFalse();
        assertThat(d.changes()).isEmpty();
    }

    @Test
    void anEmptyArrayHasNoEvents() {
        assertThat(EventJson.parse(" [ ] ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[{\"type\": \"deployment\"}", "{'type': 'deployment'}",
            "{type: \"deployment\"}", "{} {}", "{\"a\": 1} // comment", "[1,]", "{\"a\": NaN}"})
    void refusesMalformedBodiesAsAWhole(String body) {
        EventError error = errors(body).get(0);

        assertThat(error.index()).isNull();
        assertThat(error.field()).isEqualTo("body");
        assertThat(error.message()).startsWith("the body is");
    }

    @Test
    void saysWhereTheJsonIsBroken() {
        assertThat(errors("{\"type\": \"deployment\",\n \"id\": }").get(0).message())
                .contains("line 2 column").doesNotContain("MalformedJsonException").doesNotContain("See ");
    }

    @Test
    void refusesAScalarBody() {
        assertThat(errors("\"hello\"")).containsExactly(new EventError(null, "body",
                "the body must be an event object or an array of event objects, got string 'hello'"));
    }

    @Test
    void refusesAnItemThatIsNotAnObject() {
        assertThat(errors("[" + ASSIGNMENT + ", 42, [1]]")).extracting(EventError::index, EventError::field)
                .containsExactly(tuple(1, null), tuple(2, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\": \"x\"}|got nothing",
            "{\"type\": \"deploy\"}|got string 'deploy'",
            "{\"type\": \"Deployment\"}|got string 'Deployment'",
            "{\"type\": 1}|got number 1",
            "{\"type\": null}|got nothing"})
    void refusesAMissingOrUnknownType(String body, String got) {
        EventError error = errors(body).get(0);

        assertThat(error.field()).isEqualTo("type");
        assertThat(error.message()).contains("deployment, incident, assignment").contains(got);
    }

    @Test
    void namesUnknownFieldsAtAnyDepthWithTheirEvent() {
        String body = DEPLOYMENT.replace("\"author\": \"ann\"}", "\"author\": \"ann\"}, {\"id\": \"c2\", "
                + "\"committed\": \"2026-01-04T09:00:00Z\", \"sha\": \"abc\"}").replace("\"revision\"", "\"colour\": 1, \"revision\"");

        assertThat(errors(body)).containsExactlyInAnyOrder(
                new EventError(0, "changes[1].sha", "unknown field 'changes[1].sha' (deployment 'ci-1/shop/42')"),
                new EventError(0, "colour", "unknown field 'colour' (deployment 'ci-1/shop/42')"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"application\": \"shop\"|\"application\": 7|application|application must be a string, got number 7",
            "\"imported\": true|\"imported\": \"true\"|imported|imported must be a boolean (true or false), got string 'true'",
            "\"changes\": [|\"changes\": {\"a\": 1}, \"x\": [|changes|changes must be an array of objects, got object {\"a\":1}",
            "\"started\": \"2026-01-05T10:00:00Z\"|\"started\": 1767607200|started|started must be an ISO-8601 instant string",
            "\"started\": \"2026-01-05T10:00:00Z\"|\"started\": \"2026-01-05 10:00\"|started|started must be an ISO-8601 instant such as 2026-01-05T10:07:00Z, got '2026-01-05 10:00'",
            "\"finished\": \"2026-01-05T10:07:00Z\"|\"finished\": \"2026-01-05T10:07:00\"|finished|got '2026-01-05T10:07:00'",
            "\"result\": \"SUCCESS\"|\"result\": \"success\"|result|result must be one of SUCCESS, FAILURE, ABORTED, UNSTABLE, got 'success'",
            "\"kind\": \"HOTFIX\"|\"kind\": \"REVERT\"|kind|kind must be one of NORMAL, HOTFIX, ROLLBACK, got 'REVERT'",
            "\"committed\": \"2026-01-04T09:00:00Z\"|\"committed\": true|changes[0].committed|changes[0].committed must be an ISO-8601 instant string",
            "\"components\": [|\"components\": [null, |components[0]|components[0] must be an object, got null"})
    void namesTheFieldTheExpectedTypeAndTheValue(String original, String replacement, String field, String message) {
        List<EventError> errors = errors(DEPLOYMENT.replace(original, replacement));

        assertThat(errors).extracting(EventError::field).contains(field);
        assertThat(errors).filteredOn(e -> e.field().equals(field)).first()
                .satisfies(e -> assertThat(e.message()).contains(message).endsWith("(deployment 'ci-1/shop/42')"))
                .satisfies(e -> assertThat(e.index()).isZero());
    }

    @Test
    void refusesAnUnknownResponsibilityListingTheAllowedOnes() {
        EventError error = errors(ASSIGNMENT.replace("DELIVERY", "delivery")).get(0);

        assertThat(error.field()).isEqualTo("responsibility");
        assertThat(error.message()).contains("DELIVERY, OPERATIONS, BOTH").contains("'delivery'");
    }

    @Test
    void turnsModelRulesIntoErrorsOfTheirField() {
        assertThat(errors(DEPLOYMENT.replace("\"application\": \"shop\", ", ""))).singleElement()
                .isEqualTo(new EventError(0, "application", "application is required (deployment 'ci-1/shop/42')"));
        assertThat(errors(DEPLOYMENT.replace("\"revision\": \"9f2c1e0\"", "\"revision\": \"  \""))).singleElement()
                .extracting(EventError::field).isEqualTo("revision");
        assertThat(errors(DEPLOYMENT.replace("2026-01-05T10:07:00Z", "2026-01-05T09:00:00Z"))).singleElement()
                .extracting(EventError::field).isEqualTo("finished");
        assertThat(errors(INCIDENT.replace("2026-01-05T11:20:00Z", "2026-01-05T10:20:00Z"))).singleElement()
                .extracting(EventError::field).isEqualTo("detected");
        assertThat(errors(DEPLOYMENT.replace("https://ci.example/job/shop/42/", "javascript:alert(1)")))
                .singleElement().extracting(EventError::field).isEqualTo("url");
        assertThat(errors(ASSIGNMENT.replace("\"acme\"", "\"unassigned\""))).singleElement()
                .extracting(EventError::field).isEqualTo("supplier");
    }

    @Test
    void placesModelErrorsOfNestedItemsUnderTheirPath() {
        EventError error = errors(DEPLOYMENT.replace("\"author\": \"ann\"", "\"author\": \"\"")).get(0);

        assertThat(error.field()).isEqualTo("changes[0].author");
        assertThat(error.message()).contains("must not be blank").endsWith("(deployment 'ci-1/shop/42')");
    }

    @Test
    void reportsATypeErrorOnceNotAlsoAsMissing() {
        assertThat(errors(DEPLOYMENT.replace("\"id\": \"ci-1/shop/42\"", "\"id\": 42"))).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("id"))
                .satisfies(e -> assertThat(e.message()).isEqualTo("id must be a string, got number 42 (deployment '42')"));
    }

    @Test
    void listsTheErrorsOfEveryEventOfTheBatch() {
        List<EventError> errors = errors("[" + DEPLOYMENT.replace("\"SUCCESS\"", "\"OK\"") + "," + INCIDENT + ","
                + ASSIGNMENT.replace("\"shop\"", "\" \"") + "]");

        assertThat(errors).extracting(EventError::index, EventError::field).containsExactly(
                tuple(0, "result"), tuple(2, "application"));
    }

    @Test
    void cutsHugeValuesInMessages() {
        String huge = "x".repeat(1_000_000);
        List<EventError> errors = errors("[" + DEPLOYMENT.replace("\"SUCCESS\"", "\"" + huge + "\"") + ","
                + DEPLOYMENT.replace("ci-1/shop/42", huge) + ",{\"type\": \"" + huge + "\"}]");

        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(700)
                .contains(" characters)"));
    }

    private static Event single(String body) {
        List<Event> events = EventJson.parse(body);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static List<EventError> errors(String body) {
        InvalidEventsException e = catchThrowableOfType(InvalidEventsException.class, () -> EventJson.parse(body));
        assertThat(e).as("refused: %s", body.length() > 200 ? body.substring(0, 200) : body).isNotNull();
        return e.errors();
    }
}
