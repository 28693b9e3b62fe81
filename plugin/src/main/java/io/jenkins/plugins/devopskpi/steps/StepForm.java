package io.jenkins.plugins.devopskpi.steps;

import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.gate.ThresholdText;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.text.TimeText;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.ui.Access;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the steps' Pipeline Syntax forms offer and check: the choices of {@code kind} and {@code onBreach}, and
 * problems with a threshold or a window, found by the same parsing the step does when it runs (core's
 * {@link ThresholdText} and {@link TimeText}), so the form and the build never disagree.
 */
final class StepForm {
    private StepForm() {
    }

    /** The deployment kinds after the empty default (NORMAL), so the snippet leaves {@code kind} out by default. */
    static List<String> kinds() {
        return Arrays.stream(DeploymentKind.values()).map(Enum::name).filter(name -> !name.equals("NORMAL")).toList();
    }

    /** FAILURE, UNSTABLE and WARNING; the empty default keeps a policy's own onBreach (else FAILURE). */
    static List<String> onBreachChoices() {
        return Arrays.stream(OnBreach.values()).map(Enum::name).toList();
    }

    /** Null when the text is a threshold for that metric, or empty (not judged); else what is wrong with it. */
    static String thresholdProblem(String metric, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            ThresholdText.parse(GateMetric.byApiName(metric), text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Null when the text is a window or empty (30 days, or the policy's); else what is wrong, as the step says it. */
    static String windowProblem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            TimeText.duration(text);
            return null;
        } catch (IllegalArgumentException e) {
            return "window " + e.getMessage();
        }
    }

    /** A blank choice is "not given": the step's default applies and the snippet generator leaves it out. */
    /**
     * An optional text argument: Stapler binds a field left empty as {@code ""}, and the snippet generator
     * (structs' DescribableModel) leaves out only values equal to a step built without them (null), so blank is
     * not given. A value given is kept as written.
     */
    static String given(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String choice(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The drop-down: the default (empty value) first, then the choices; empty without the permission. */
    static ListBoxModel choices(Item item, String defaultLabel, List<String> values) {
        ListBoxModel model = new ListBoxModel();
        if (!mayFill(item)) {
            return model;
        }
        model.add(defaultLabel, "");
        values.forEach(model::add);
        return model;
    }

    /**
     * Suggestions for {@code environment}: production and every environment deployed to (with a central server:
     * those this controller delivered to, {@link KpiReads#knownEnvironments()}), sorted; free text stays possible
     * (a first deployment names a new one). Without the permission none, and the store is not asked; when
     * the store does not answer within the page patience, production only.
     */
    static ComboBoxModel environments(Item item, Callable<? extends KpiReads> backend) {
        if (!mayFill(item)) {
            return new ComboBoxModel();
        }
        Set<String> names = new TreeSet<>(List.of(KpiQuery.DEFAULT_ENVIRONMENT));
        names.addAll(fromStore(backend, KpiReads::knownEnvironments));
        return new ComboBoxModel(names);
    }

    /**
     * Suggestions for {@code kpiGate(policy: …)}: the stored policies and those derived from contract targets, by
     * name. Without the permission none, and the store is not asked; none when the store does not answer in time.
     */
    static ComboBoxModel policies(Item item, Callable<? extends KpiReads> backend) {
        if (!mayFill(item)) {
            return new ComboBoxModel();
        }
        return new ComboBoxModel(fromStore(backend, KpiReads::policyNames));
    }

    /** Where the global configuration reads (its store or the central server), for the descriptors' suggestions. */
    static KpiReads configuredBackend() throws IOException {
        return KpiConfiguration.get().reads();
    }

    private static List<String> fromStore(Callable<? extends KpiReads> backend,
            Function<KpiReads, List<String>> names) {
        try {
            return names.apply(backend.call());
        } catch (Exception e) { // a suggestion list never fails the form: the field takes free text
            return List.of();
        }
    }

    /** Whether the reader may see the form's choices for that job (Item/Configure); asked before any store read. */
    private static boolean mayFill(Item item) {
        return JenkinsFacade.has(item, Access.required(Access.Operation.CHECK_STEP_FORM));
    }

    /** Checks the permission first, then the value. */
    static FormValidation check(Item item, Supplier<String> problem) {
        JenkinsFacade.check(item, Access.required(Access.Operation.CHECK_STEP_FORM));
        String found = problem.get();
        return found == null ? FormValidation.ok() : FormValidation.error(found);
    }
}
