package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobKpiActionFactoryTest {
    /**
     * Jenkins consults a TransientActionFactory on every getAction(X) of every job unless its actionType() says
     * which actions it makes; the default (Action) made every job page's actions wait on this one's store look-up.
     */
    @Test
    void theFactoryIsConsultedOnlyForItsOwnAction() {
        assertThat(new JobKpiAction.Factory().actionType()).isEqualTo(JobKpiAction.class);
    }
}
