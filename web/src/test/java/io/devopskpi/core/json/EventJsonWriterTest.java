package io.devopskpi.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonWriterTest {
    @Test
    void everyEventTypeParsesBackEqual() {
        List<Event> events = List.of(
                SampleEvents.deployment("ci-1/shop/42").build(),
                SampleEvents.minimalDeployment("ci-1/shop/43").build(),
                SampleEvents.incident("INC-7"),
                SampleEvents.assignment("shop", "acme", Responsibility.BOTH, "2026-01-01T00:00:00Z", null));
        for (Event event : events) {
            String text = EventJsonWriter.toJson(event).toString();
            assertThat(EventJson.parse(text)).as(text).containsExactly(event);
        }
    }

    @Test
    void leavesAbsentValuesOut() {
        String text = EventJsonWriter.toJson(SampleEvents.minimalDeployment("d1").build()).toString();
        assertThat(text).doesNotContain("revision").doesNotContain("null").contains("\"kind\":\"NORMAL\"");
    }
}
