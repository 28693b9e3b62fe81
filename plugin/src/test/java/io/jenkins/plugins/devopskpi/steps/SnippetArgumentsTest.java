package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the snippet generator writes for a step whose optional fields were left empty in the form. Read in
 * structs-plugin's {@code DescribableModel.uninstantiate2}: it builds a control instance from the constructor's
 * arguments only and leaves out every optional (setter) parameter whose getter answers the same as the control's
 * ({@code ObjectUtils.equals}); Stapler binds an empty text box or the empty first choice of a drop-down as
 * {@code ""}. So an empty optional field must read back as the control's value (null), or the generated call says
 * {@code team: ''}. This applies that rule to every step (found by scanning) without Jenkins: the constructor with
 * example values, every String setter with {@code ""}, then the non-required parameters that would be emitted.
 */
class SnippetArgumentsTest {

    @Test
    void optionalFieldsLeftEmptyAreLeftOutOfTheGeneratedCall() throws Exception {
        Map<String, Class<? extends Step>> steps = StepHelpTest.steps();
        assertThat(steps).hasSize(5);
        Map<String, List<String>> emitted = new TreeMap<>();
        int checked = 0;
        for (Map.Entry<String, Class<? extends Step>> step : steps.entrySet()) {
            Object control = construct(step.getValue());
            Object fromForm = construct(step.getValue());
            List<String> extra = new ArrayList<>();
            for (Method setter : setters(step.getValue())) {
                if (setter.getParameterTypes()[0] != String.class) {
                    continue; // numbers and check boxes bind their own defaults (0, false), equal to the control's
                }
                setter.invoke(fromForm, "");
                String property = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                Method getter = step.getValue().getMethod("get" + setter.getName().substring(3));
                checked++;
                if (!Objects.equals(getter.invoke(control), getter.invoke(fromForm))) {
                    extra.add(property + ": '" + getter.invoke(fromForm) + "'");
                }
            }
            emitted.put(step.getKey(), extra);
        }
        assertThat(checked).as("optional text fields over the five steps").isGreaterThan(25);
        assertThat(emitted).allSatisfy((step, extra) -> assertThat(extra).as(step).isEmpty());
    }

    @Test
    void aValueGivenIsStillEmitted() throws Exception {
        RecordDeploymentStep step = new RecordDeploymentStep("shop", "production");
        step.setTeam("payments");
        step.setComponents(" ");
        assertThat(step.getTeam()).isEqualTo("payments");
        assertThat(step.getComponents()).isNull();
        KpiGateStep gate = new KpiGateStep();
        gate.setChangeSuccessRate(">= 0.9");
        gate.setLeadTimeMedian("");
        assertThat(gate.getChangeSuccessRate()).isEqualTo(">= 0.9");
        assertThat(gate.getLeadTimeMedian()).isNull();
    }

    /** An empty "resolved" from the form means "now", as leaving it out does, instead of an unparsable time. */
    @Test
    void emptyTimesMeanNow() {
        ResolveIncidentStep resolve = new ResolveIncidentStep("INC-7");
        resolve.setResolved("");
        assertThat(resolve.getResolved()).isNull();
        RecordIncidentStep record = new RecordIncidentStep("INC-7", "shop", "production");
        record.setStarted("");
        assertThat(record.getStarted()).isNull();
    }

    private static Object construct(Class<?> step) throws Exception {
        for (Constructor<?> constructor : step.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                List<Object> arguments = new ArrayList<>();
                for (Parameter parameter : constructor.getParameters()) {
                    arguments.add("example");
                }
                return constructor.newInstance(arguments.toArray());
            }
        }
        throw new AssertionError(step.getName() + " has no @DataBoundConstructor");
    }

    private static List<Method> setters(Class<?> step) {
        List<Method> setters = new ArrayList<>();
        for (Method method : step.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                setters.add(method);
            }
        }
        setters.sort((a, b) -> a.getName().compareTo(b.getName()));
        return setters;
    }
}
