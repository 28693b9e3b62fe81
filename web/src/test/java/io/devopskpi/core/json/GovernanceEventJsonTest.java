package io.devopskpi.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The governance events read strictly, every problem named by its field. */
class GovernanceEventJsonTest {
    private static List<EventError> errors(String body) {
        try {
            EventJson.parse(body);
        } catch (InvalidEventsException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void readsTheContractsExamples() {
        List<Event> events = EventJson.parse("""
                [{"type":"application","application":"shop","tags":["web","customer-facing"]},
                 {"type":"target","supplier":"acme","applications":["shop","checkout"],"metric":"timeToRestoreMean",
                  "operator":"<=","value":"4h","minSamples":10,"period":"QUARTER","from":"2026-01-01T00:00:00Z",
                  "to":null},
                 {"type":"survey","id":"2026-Q1-acme-shop","supplier":"acme","application":"shop",
                  "from":"2026-01-01T00:00:00Z","to":"2026-04-01T00:00:00Z","score":4.2,"respondents":12,
                  "comment":"fine"},
                 {"type":"policy","name":"release-shop","gate":{"scope":{"application":"shop"},"window":"30d",
                  "thresholds":[{"metric":"changeSuccessRate","operator":">=","value":0.9}]}}]""");
        Instant jan = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(events.get(0)).isEqualTo(new ApplicationProfile("shop", List.of("customer-facing", "web")));
        // "4h" = 14,400 s; applications sorted
        assertThat(events.get(1)).isEqualTo(new ContractTarget("acme", List.of("checkout", "shop"),
                GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST, 14_400, 10, ReviewPeriod.QUARTER, jan, null));
        assertThat(events.get(2)).isEqualTo(new Survey("2026-Q1-acme-shop", "acme", "shop", jan,
                Instant.parse("2026-04-01T00:00:00Z"), 4.2, 12, "fine"));
        assertThat(((GatePolicy) events.get(3)).gate()).contains("\"window\":\"30d\"");
        for (Event event : events) {
            assertThat(EventJson.parse(EventJsonWriter.toJson(event).toString())).containsExactly(event);
        }
    }

    @Test
    void namesEveryBadFieldOfATarget() {
        List<EventError> errors = errors("""
                {"type":"target","supplier":"acme","metric":"happiness","operator":"=>","value":0.9,
                 "minSamples":1.5,"period":"WEEK","from":"yesterday","colour":"red"}""");
        assertThat(errors).extracting(EventError::field)
                .containsExactlyInAnyOrder("metric", "operator", "minSamples", "period", "from", "colour");
        assertThat(errors).extracting(EventError::message).anySatisfy(m -> assertThat(m)
                .startsWith("metric must be one of deploymentsPerDay").contains("stakeholderSatisfaction",
                        "got 'happiness'"));
    }

    @Test
    void checksValuesAgainstTheMetric() {
        assertThat(errors("""
                {"type":"target","supplier":"acme","metric":"changeSuccessRate","operator":">=","value":"90%",
                 "period":"MONTH","from":"2026-01-01T00:00:00Z"}""")).extracting(EventError::field)
                .containsExactly("value");
        assertThat(errors("""
                {"type":"target","supplier":"acme","metric":"stakeholderSatisfaction","operator":">=","value":7,
                 "period":"MONTH","from":"2026-01-01T00:00:00Z"}""")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("score from 1 to 5"));
        assertThat(errors("""
                {"type":"target","supplier":"acme","metric":"timeToRestoreMean","operator":"<=","value":"4 hours",
                 "period":"MONTH","from":"2026-01-01T00:00:00Z"}""")).extracting(EventError::field)
                .containsExactly("value");
    }

    @Test
    void namesBadSurveyProfileAndPolicyFields() {
        assertThat(errors("""
                {"type":"survey","id":"s1","supplier":"acme","from":"2026-01-01T00:00:00Z",
                 "to":"2026-04-01T00:00:00Z","score":"good"}""")).extracting(EventError::field)
                .containsExactly("score", "respondents");
        assertThat(errors("""
                {"type":"survey","id":"s1","supplier":"acme","from":"2026-01-01T00:00:00Z",
                 "to":"2026-04-01T00:00:00Z","score":5.5,"respondents":3}""")).extracting(EventError::field)
                .containsExactly("score");
        assertThat(errors("{\"type\":\"application\",\"application\":\"shop\",\"tags\":[\"web\", 3, \" \"]}"))
                .extracting(EventError::field).containsExactly("tags[1]");
        assertThat(errors("{\"type\":\"application\",\"application\":\"shop\",\"tags\":[]}"))
                .extracting(EventError::field).containsExactly("tags");
        assertThat(errors("""
                {"type":"policy","name":"release","gate":{"window":"30 days","thresholds":[{"metric":"speed",
                 "operator":">=","value":1}]}}""")).extracting(EventError::field)
                .containsExactlyInAnyOrder("gate.window", "gate.thresholds[0].metric");
        assertThat(errors("{\"type\":\"policy\",\"name\":\"contract-acme\",\"gate\":{\"thresholds\":[{\"metric\":"
                + "\"reworkRate\",\"operator\":\"<\",\"value\":0.1}]}}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("reserved prefix 'contract-'"));
    }

    @Test
    void refusesAnUnknownType() {
        assertThatThrownBy(() -> EventJson.parse("{\"type\":\"contract\"}"))
                .isInstanceOf(InvalidEventsException.class)
                .hasMessageContaining("type must be one of deployment, incident, assignment, application, target, "
                        + "survey, policy");
    }
}
