package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * workflow-cps writes every running step execution and body callback into program.dat with JBoss River, at every
 * step under the default durability, and throws a failed write into the Pipeline; on resume it reads them back.
 * So each must survive River whole: every field serializable, none transient that the execution needs, and no
 * reference to its {@link Step} (not Serializable in Jenkins). Checks every such class the plugin has.
 */
class PipelinePersistenceTest {
    private static final List<Class<? extends StepExecution>> EXECUTIONS = PluginClasses.concrete(StepExecution.class);
    private static final List<Class<? extends BodyExecutionCallback>> CALLBACKS =
            PluginClasses.concrete(BodyExecutionCallback.class);

    @Test
    void scanFindsThePluginsExecutionsAndCallbacks() {
        // the plugin has five steps and one block step; an empty scan would make the checks below vacuous
        assertThat(EXECUTIONS).hasSizeGreaterThanOrEqualTo(5);
        assertThat(CALLBACKS).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRunningExecutionSurvivesProgramDat() {
        return EXECUTIONS.stream().map(type -> DynamicTest.dynamicTest(type.getName(),
                () -> assertSurvives(runningExecution(type))));
    }

    @TestFactory
    Stream<DynamicTest> everyBodyCallbackSurvivesProgramDat() {
        return CALLBACKS.stream().map(type -> DynamicTest.dynamicTest(type.getName(),
                () -> assertSurvives(new Representative(context()).construct(type, widestConstructor(type)))));
    }

    @Test
    void recordIncidentWhileRunningSurvivesProgramDat() throws Exception {
        // the step that failed every build: its execution held core's Incident, which is not Serializable
        Class<?> step = Class.forName("io.jenkins.plugins.devopskpi.steps.RecordIncidentStep");
        StepExecution execution = ((Step) configured(step)).start(context());

        assertSurvives(execution);
    }

    private static void assertSurvives(Object original) throws Exception {
        River.Copy copy = River.roundTrip(original, PipelinePersistenceTest.class.getClassLoader());

        assertThat(copy.written()).as("objects %s writes", original.getClass().getName())
                .noneMatch(Step.class::isInstance);
        assertThat(copy.readBack()).isExactlyInstanceOf(original.getClass())
                .usingRecursiveComparison().isEqualTo(original);
    }

    /**
     * The execution as its step starts it, with every argument given; a step that needs the running Jenkins to
     * start (the stubs throw UnsupportedOperationException) gets its execution built from representative values.
     */
    private static StepExecution runningExecution(Class<? extends StepExecution> type) throws Exception {
        Class<?> owner = type.getEnclosingClass();
        if (owner != null && Step.class.isAssignableFrom(owner)) {
            try {
                StepExecution started = ((Step) configured(owner)).start(context());
                if (type.isInstance(started)) {
                    return started;
                }
            } catch (UnsupportedOperationException needsJenkins) {
                // built below
            }
        }
        return new Representative(context()).construct(type, widestConstructor(type));
    }

    /** A step as a pipeline script writes it with every argument: its data-bound constructor, then every setter. */
    private static Object configured(Class<?> step) throws Exception {
        Constructor<?> constructor = Arrays.stream(step.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] types = constructor.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = types[i] == String.class ? Representative.text(step.getSimpleName() + i)
                    : new Representative(context()).of(types[i]);
        }
        Object instance = constructor.newInstance(arguments);
        for (Method setter : step.getMethods()) {
            if (setter.isAnnotationPresent(DataBoundSetter.class) && setter.getParameterCount() == 1) {
                String name = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                Class<?> type = setter.getParameterTypes()[0];
                setter.invoke(instance, type == String.class ? Representative.text(name)
                        : new Representative(context()).of(type));
            }
        }
        return instance;
    }

    private static Constructor<?> widestConstructor(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount)).orElseThrow();
    }

    private static StepContext context() {
        return new SerializableStepContext("flow-1:node-7");
    }
}
