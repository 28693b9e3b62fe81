package io.jenkins.plugins.devopskpi.hooks;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Alerting tools cannot fetch a Jenkins crumb: their POSTs to {@code /devops-kpi/hooks/} pass Jenkins' CSRF filter
 * (as github-plugin's and generic-webhook-trigger's webhooks do); the webhook token protects them instead.
 */
@Extension
public final class HookCrumbExclusion extends CrumbExclusion {
    static final String PATH = "/devops-kpi/hooks/";

    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!excluded(request.getPathInfo())) {
            return false;
        }
        chain.doFilter(request, response);
        return true;
    }

    static boolean excluded(String pathInfo) {
        return pathInfo != null && pathInfo.startsWith(PATH) && !pathInfo.contains("..");
    }
}
