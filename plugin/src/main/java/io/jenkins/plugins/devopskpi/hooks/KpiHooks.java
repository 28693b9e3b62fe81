package io.jenkins.plugins.devopskpi.hooks;

import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.hooks.HookMappings;
import io.devopskpi.core.hooks.HookService;
import io.devopskpi.core.hooks.UnmappedAlerts;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.store.StoreException;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.ui.Access;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /devops-kpi/hooks/<tool>}: the alerting webhooks in Jenkins. The root action is an
 * {@code UnprotectedRootAction}, so an alerting tool reaches this without a Jenkins user: the webhook token
 * ({@link HookEndpoint}) is the only check, and {@link HookCrumbExclusion} lets its POSTs through without a crumb.
 * Incidents are stored at once, waiting at most the read patience for the store (503 after it).
 */
public final class KpiHooks {
    /** The unmapped alerts received since Jenkins started, shown on the plugin's pages. */
    private static final UnmappedAlerts UNMAPPED = new UnmappedAlerts();

    private final HookEndpoint endpoint;

    public KpiHooks() {
        this(() -> KpiConfiguration.get().hookToken(), KpiHooks::backend, () -> KpiConfiguration.get().hookMappings(),
                Clock.systemUTC());
    }

    KpiHooks(Supplier<String> token, Supplier<EmbeddedKpis> backend, Supplier<HookMappings> mappings, Clock clock) {
        this.endpoint = new HookEndpoint(token, (source, body) -> {
            EmbeddedKpis kpis = backend.get();
            return kpis.read(() -> new HookService(new Ingestor(kpis.store(), clock), mappings.get(), UNMAPPED,
                    clock).receive(source, body));
        });
    }

    public static UnmappedAlerts unmapped() {
        return UNMAPPED;
    }

    private static EmbeddedKpis backend() {
        try {
            return KpiConfiguration.get().backend();
        } catch (IOException e) {
            throw new StoreException("cannot open the store: " + e.getMessage(), e);
        }
    }

    HookEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Every path below {@code hooks/}: the tool's webhook, or 404; {@code GET hooks/unmapped} lists the unmapped
     * alerts for administrators (their labels may name any application).
     */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        if ("GET".equals(req.getMethod()) && "/unmapped".equals(req.getRestOfPath())) {
            JenkinsFacade.check(Access.ADMINISTER);
            rsp.setContentType(ApiJson.CONTENT_TYPE);
            rsp.getOutputStream().write(HookEndpoint.unmapped(UNMAPPED).getBytes(StandardCharsets.UTF_8));
            return;
        }
        HookEndpoint.Answer answer = endpoint.answer(req.getMethod(), req.getRestOfPath(),
                req.getHeader("Authorization"), req.getParameter(HookEndpoint.QUERY), req.getContentType(), () -> {
                    try (InputStream in = req.getInputStream()) {
                        return in.readNBytes(HookEndpoint.MAX_BODY + 1);
                    }
                });
        rsp.setStatus(answer.status());
        if (answer.challenge()) {
            rsp.setHeader("WWW-Authenticate", "Bearer");
        }
        rsp.setContentType(ApiJson.CONTENT_TYPE);
        rsp.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
