package io.devopskpi.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.Component;
import org.junit.jupiter.api.Test;

class ComponentListTest {
    @Test
    void commaSeparatedItemsAreTrimmedAndKeepTheirOrder() {
        assertThat(ComponentList.parse(" pipeline-lib@3.2.0 ,base-image-jre @ 21.0.4"))
                .containsExactly(new Component("pipeline-lib", "3.2.0"), new Component("base-image-jre", "21.0.4"));
    }

    @Test
    void linesSeparateItemsAndBlankItemsAreSkipped() {
        assertThat(ComponentList.parse("pipeline-lib@3.2.0\r\n\n  base-image-jre@21.0.4,\n"))
                .containsExactly(new Component("pipeline-lib", "3.2.0"), new Component("base-image-jre", "21.0.4"));
    }

    @Test
    void theLastAtSplitsNameFromVersion() {
        assertThat(ComponentList.parse("@scope/ui@1.0")).containsExactly(new Component("@scope/ui", "1.0"));
    }

    @Test
    void noTextIsNoComponents() {
        assertThat(ComponentList.parse(null)).isEmpty();
        assertThat(ComponentList.parse("")).isEmpty();
        assertThat(ComponentList.parse(" \n , ")).isEmpty();
    }

    @Test
    void anItemWithoutAtIsNamed() {
        assertThatThrownBy(() -> ComponentList.parse("pipeline-lib@3.2.0, base-image-jre 21"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component 'base-image-jre 21' is not name@version");
    }

    @Test
    void aBlankNameOrVersionIsNamed() {
        assertThatThrownBy(() -> ComponentList.parse(" @3.2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component '@3.2.0' has no name before the @");
        assertThatThrownBy(() -> ComponentList.parse("pipeline-lib@ "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component 'pipeline-lib@' has no version after the @");
    }

    @Test
    void aNameListedTwiceIsNamed() {
        assertThatThrownBy(() -> ComponentList.parse("pipeline-lib@3.2.0\npipeline-lib@3.3.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component 'pipeline-lib@3.3.0' names 'pipeline-lib' a second time");
    }

    @Test
    void aNameTheModelRefusesIsNamed() {
        String longName = "x".repeat(201);
        assertThatThrownBy(() -> ComponentList.parse(longName + "@1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("component '" + longName + "@1': ");
    }
}
