package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.io.TempDir;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.DeploymentKind;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The steps' Pipeline Syntax drop-downs and checks, called as Stapler calls them, on the descriptors, with a job
 * ({@code @AncestorInPath Item}) whose permissions the test decides. No Jenkins instance: the job is a proxy.
 */
class StepFormTest {
    private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");
    private static final GatePolicyLookup NO_POLICIES = (name, now) -> Optional.empty();
    private static final KpiGateStep.DescriptorImpl GATE = new KpiGateStep.DescriptorImpl();

    private final List<Object> asked = new ArrayList<>();

    /** A job that grants every permission (or none), and remembers which were asked for. */
    private Item job(boolean permitted) {
        return (Item) Proxy.newProxyInstance(Item.class.getClassLoader(), new Class<?>[] {Item.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hasPermission" -> {
                        asked.add(args[0]);
                        yield permitted;
                    }
                    case "checkPermission" -> {
                        asked.add(args[0]);
                        if (!permitted) {
                            throw new AccessDeniedException("no Item/Configure");
                        }
                        yield null;
                    }
                    case "toString" -> "job";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }

    @Test
    void kindIsAChoiceOfCoresKindsWithTheDefaultFirst() {
        for (ListBoxModel kinds : List.of(new RecordDeploymentStep.DescriptorImpl().doFillKindItems(job(true)),
                new DeploymentStep.DescriptorImpl().doFillKindItems(job(true)))) {
            assertThat(values(kinds)).containsExactly("", "HOTFIX", "ROLLBACK");
            assertThat(kinds.get(0).name).contains("NORMAL");
            // every value is one the step takes; the empty default is NORMAL
            assertThat(values(kinds).stream().map(DeploymentTarget::kind))
                    .containsExactly(DeploymentKind.NORMAL, DeploymentKind.HOTFIX, DeploymentKind.ROLLBACK);
        }
        assertThat(asked).hasSize(2).allMatch(permission -> permission == Item.CONFIGURE);
    }

    @Test
    void onBreachIsAChoiceOfCoresValuesWithNotGivenFirst() {
        ListBoxModel choices = GATE.doFillOnBreachItems(job(true));
        assertThat(values(choices)).containsExactly("", "FAILURE", "UNSTABLE", "WARNING");
        assertThat(values(choices).subList(1, 4).stream().map(OnBreach::parse))
                .containsExactly(OnBreach.values());
    }

    @Test
    void withoutItemConfigureTheChoicesAreEmptyAndChecksRefused() {
        assertThat(GATE.doFillOnBreachItems(job(false))).isEmpty();
        assertThat(new RecordDeploymentStep.DescriptorImpl().doFillKindItems(job(false))).isEmpty();
        assertThatThrownBy(() -> GATE.doCheckChangeSuccessRate(job(false), ">= 0.9"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> GATE.doCheckWindow(job(false), "7d")).isInstanceOf(AccessDeniedException.class);
        assertThat(asked).hasSize(4).allMatch(permission -> permission == Item.CONFIGURE);
    }

    @Test
    void thresholdsAreCheckedAsTheStepParsesThem() {
        assertThat(GATE.doCheckChangeSuccessRate(job(true), ">= 0.9").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GATE.doCheckChangeSuccessRate(job(true), "").kind).isEqualTo(FormValidation.Kind.OK);
        FormValidation percent = GATE.doCheckChangeSuccessRate(job(true), ">= 90%");
        assertThat(percent.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(percent.getMessage()).contains("changeSuccessRate takes a number from 0 to 1");
        assertThat(GATE.doCheckTimeToResolveMedian(job(true), "<= 4h").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GATE.doCheckLeadTimeMedian(job(true), "<= 4M").getMessage()).contains("minutes or months");
        assertThat(GATE.doCheckDeploymentsPerWeek(job(true), "5").getMessage()).contains("deploymentsPerWeek must be");
    }

    @Test
    void theWindowIsCheckedAsTheStepParsesIt() {
        assertThat(GATE.doCheckWindow(job(true), "7d").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GATE.doCheckWindow(job(true), "P30D").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GATE.doCheckWindow(job(true), "").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(GATE.doCheckWindow(job(true), "0d").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(GATE.doCheckWindow(job(true), "a month").getMessage()).startsWith("window ");
    }

    /** For every metric and many texts: the form says OK exactly when the step accepts the threshold. */
    @Test
    void theFormAndTheStepNeverDisagree() throws Exception {
        List<String> texts = List.of(">= 0.9", "<= 4h", "< PT30M", "> 5", ">=1", "= 1", "0.9", ">= 90%", "<= 4M",
                "<= 2d", ">= -1", "> 1e3", "<=");
        int compared = 0;
        for (GateMetric metric : GateMetric.values()) {
            String name = metric.apiName();
            Method check = KpiGateStep.DescriptorImpl.class.getMethod(
                    "doCheck" + Character.toUpperCase(name.charAt(0)) + name.substring(1), Item.class, String.class);
            for (String text : texts) {
                FormValidation form = (FormValidation) check.invoke(GATE, job(true), text);
                KpiGateStep step = new KpiGateStep();
                KpiGateStep.class.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                        String.class).invoke(step, text);
                boolean stepAccepts;
                try {
                    step.gate(NOW, NO_POLICIES);
                    stepAccepts = true;
                } catch (IllegalArgumentException e) {
                    stepAccepts = false;
                }
                assertThat(form.kind == FormValidation.Kind.OK).as(name + ": '" + text + "'").isEqualTo(stepAccepts);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(GateMetric.values().length * texts.size());
    }

    @Test
    void aBlankChoiceIsNotGivenSoAPolicyKeepsItsOwn() {
        KpiGateStep own = new KpiGateStep();
        own.setApplication("shop");
        own.setChangeFailureRate("<= 0.15");
        own.setOnBreach("UNSTABLE");
        KpiGate release = own.gate(NOW, NO_POLICIES);

        KpiGateStep step = new KpiGateStep();
        step.setPolicy("release");
        step.setOnBreach(""); // what the drop-down's first option submits
        assertThat(step.getOnBreach()).isNull(); // so the snippet generator leaves it out
        assertThat(step.gate(NOW, (name, now) -> Optional.of(release)).onBreach()).isEqualTo(OnBreach.UNSTABLE);

        RecordDeploymentStep deployment = new RecordDeploymentStep("shop", "production");
        deployment.setKind("");
        assertThat(deployment.getKind()).isNull();
        assertThat(deployment.target().kind()).isEqualTo(DeploymentKind.NORMAL);
        DeploymentStep block = new DeploymentStep("shop", "production");
        block.setKind("ROLLBACK");
        assertThat(block.target().kind()).isEqualTo(DeploymentKind.ROLLBACK);
    }

    /**
     * {@code environment} suggests production and every environment deployed to, and {@code policy} every policy
     * name {@code kpiGate} takes, read from a real embedded store; without the permission the store is not asked.
     */
    @Test
    void environmentAndPolicySuggestionsComeFromTheStore(@TempDir Path work) throws Exception {
        EmbeddedKpis kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")), KpiSettings::defaults,
                new Outbox(work.resolve("queue")), Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            kpis.submit(Deployment.builder("d1").application("shop").environment("staging")
                    .started(NOW.minusSeconds(600)).finished(NOW.minusSeconds(300))
                    .result(DeploymentResult.SUCCESS).build());
            kpis.submit(new GatePolicy("release-shop", "{\"scope\":{\"application\":\"shop\"},\"thresholds\":"
                    + "[{\"metric\":\"changeSuccessRate\",\"operator\":\">=\",\"value\":0.9}]}"));
            kpis.flush();

            assertThat(StepForm.environments(job(true), () -> kpis)).containsExactly("production", "staging");
            assertThat(StepForm.policies(job(true), () -> kpis)).containsExactly("release-shop");
        } finally {
            kpis.close();
        }
        Callable<EmbeddedKpis> unused = () -> {
            throw new AssertionError("the store was asked without the permission");
        };
        assertThat(StepForm.environments(job(false), unused)).isEmpty();
        assertThat(StepForm.policies(job(false), unused)).isEmpty();
        assertThat(asked).hasSize(4).allMatch(permission -> permission == Item.CONFIGURE);
    }

    /** A store that cannot answer leaves the fields free text: production is still suggested, no policy is. */
    @Test
    void suggestionsWithoutAStoreLeaveTheFieldsFreeText() {
        Callable<EmbeddedKpis> broken = () -> {
            throw new java.io.IOException("the store is not configured");
        };
        assertThat(StepForm.environments(job(true), broken)).containsExactly("production");
        assertThat(StepForm.policies(job(true), broken)).isEmpty();
    }

    /**
     * How Stapler and the form find the methods: every metric and the window have a {@code @POST} check taking the
     * job and the value, and the form posts to it ({@code checkMethod="post"}: a GET would be refused); every
     * {@code f:select} and {@code f:combobox} has a {@code @POST} fill method; environments and policies are
     * suggested wherever a step takes them.
     */
    @Test
    void everyCheckedOrChosenFieldIsWiredAsStaplerExpects() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Class<?> step : StepHelpTest.steps().values()) {
            URL config = StepHelpTest.resource(step, "config.jelly");
            NodeList entries = StepHelpTest.parse(config).getElementsByTagNameNS("/lib/form", "entry");
            Class<?> descriptor = Arrays.stream(step.getDeclaredClasses())
                    .filter(c -> c.getSimpleName().equals("DescriptorImpl")).findFirst().orElseThrow();
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String field = entry.getAttribute("field");
                String capitalized = Character.toUpperCase(field.charAt(0)) + field.substring(1);
                Method check = method(descriptor, "doCheck" + capitalized);
                boolean posts = entry.getElementsByTagNameNS("/lib/form", "textbox").getLength() == 1
                        && "post".equals(((Element) entry.getElementsByTagNameNS("/lib/form", "textbox").item(0))
                                .getAttribute("checkMethod"));
                if (check != null) {
                    wired(check, problems);
                    if (!posts) {
                        problems.add(step.getSimpleName() + "." + field + " has a check but no checkMethod=\"post\"");
                    }
                }
                if (entry.getElementsByTagNameNS("/lib/form", "select").getLength() > 0
                        || entry.getElementsByTagNameNS("/lib/form", "combobox").getLength() > 0) {
                    Method fill = method(descriptor, "doFill" + capitalized + "Items");
                    if (fill == null) {
                        problems.add(step.getSimpleName() + "." + field + " is a drop-down without doFill");
                    } else {
                        wired(fill, problems);
                    }
                }
            }
        }
        for (Class<?> step : StepHelpTest.steps().values()) {
            String config = new String(StepHelpTest.resource(step, "config.jelly").openStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String field : List.of("environment", "policy")) {
                if (config.contains("field=\"" + field + "\"") && !config.contains("field=\"" + field
                        + "\">\n    <f:combobox/>")) {
                    problems.add(step.getSimpleName() + "." + field + " is not a combo box");
                }
            }
        }
        for (GateMetric metric : GateMetric.values()) {
            String name = metric.apiName();
            if (method(KpiGateStep.DescriptorImpl.class,
                    "doCheck" + Character.toUpperCase(name.charAt(0)) + name.substring(1)) == null) {
                problems.add("kpiGate has no check for " + name);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElse(null);
    }

    private static void wired(Method method, List<String> problems) {
        Parameter[] parameters = method.getParameters();
        boolean ok = method.isAnnotationPresent(POST.class) && parameters.length >= 1
                && parameters[0].getType() == Item.class && parameters[0].isAnnotationPresent(AncestorInPath.class)
                && Arrays.stream(parameters).skip(1).allMatch(p -> p.isAnnotationPresent(QueryParameter.class));
        if (!ok) {
            problems.add(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " is not @POST (@AncestorInPath Item, @QueryParameter ...)");
        }
    }
}
