package io.devopskpi.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.Component;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {
    @Test
    void everyLibraryVersionVariableIsALibraryOrderedByName() {
        Map<String, String> environment = Map.of(
                "library.pipeline-lib.version", "3.2.0",
                "library.deploy-steps.version", "main",
                "BUILD_NUMBER", "17",
                "JOB_NAME", "shop/deploy");

        assertThat(SharedLibraries.fromEnvironment(environment)).containsExactly(
                new Component("deploy-steps", "main"), new Component("pipeline-lib", "3.2.0"));
    }

    @Test
    void aLibraryNameMayHoldDots() {
        assertThat(SharedLibraries.fromEnvironment(Map.of("library.org.acme.steps.version", "1.4")))
                .containsExactly(new Component("org.acme.steps", "1.4"));
    }

    @Test
    void variablesThatOnlyLookAlikeAreNotLibraries() {
        Map<String, String> environment = Map.of(
                "library.version", "1.0", // no name between the dots
                "library.steps.versions", "1.0",
                "mylibrary.steps.version", "1.0",
                "LIBRARY.steps.version", "1.0");

        assertThat(SharedLibraries.fromEnvironment(environment)).isEmpty();
    }

    @Test
    void aBlankOrMissingVersionOrAnUnstorableNameIsLeftOut() {
        Map<String, String> environment = new HashMap<>();
        environment.put("library.blank.version", "  ");
        environment.put("library.missing.version", null);
        environment.put("library." + "x".repeat(201) + ".version", "1.0"); // names are at most 200 characters
        environment.put("library.kept.version", " 2.1 ");

        assertThat(SharedLibraries.fromEnvironment(environment)).containsExactly(new Component("kept", "2.1"));
    }

    @Test
    void aNamedComponentWinsOverTheLoadedLibraryOfTheSameName() {
        List<Component> named = List.of(new Component("pipeline-lib", "3.2.1"), new Component("base-image", "21"));
        List<Component> loaded = List.of(new Component("deploy-steps", "main"), new Component("pipeline-lib", "main"));

        assertThat(SharedLibraries.merge(named, loaded)).containsExactly(new Component("pipeline-lib", "3.2.1"),
                new Component("base-image", "21"), new Component("deploy-steps", "main"));
    }

    @Test
    void nothingNamedAndNothingLoadedIsNoComponents() {
        assertThat(SharedLibraries.merge(List.of(), List.of())).isEmpty();
    }
}
