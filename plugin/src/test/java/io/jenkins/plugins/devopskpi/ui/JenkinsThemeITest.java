package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.User;
import io.jenkins.plugins.darktheme.DarkThemeManagerFactory;
import io.jenkins.plugins.thememanager.ThemeManagerPageDecorator;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Issue 16 in a real Jenkins with theme-manager and the dark-theme plugin (test dependencies only): every dashboard
 * page under {@code /devops-kpi/} carries, in its head, theme-manager's header for the requesting user (their theme's
 * key in its JSON, the dark theme's stylesheet, the script that sets {@code data-theme}), as Jenkins' own pages do.
 * Runs only in the -Pjenkins build (repo.jenkins-ci.org); the default build checks the view's expressions
 * (JellyExpressionsTest) and the rendering in Chromium (JenkinsThemeDashboardBrowserTest).
 */
@WithJenkins
class JenkinsThemeITest {
    private static String page(JenkinsRule.WebClient web, String path) throws Exception {
        return web.goTo(path).getWebResponse().getContentAsString();
    }

    private static String head(String page) {
        return page.substring(0, page.indexOf("</head>"));
    }

    @Test
    void everyDashboardPageCarriesTheUsersThemeInItsHead(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy().grant(Jenkins.READ).everywhere()
                .to("alice", "bob"));
        ThemeManagerPageDecorator.get().setTheme(new DarkThemeManagerFactory()); // the global theme
        User.getById("alice", true);

        JenkinsRule.WebClient alice = j.createWebClient().login("alice");
        alice.getOptions().setJavaScriptEnabled(false);
        WebRequest choose = new WebRequest(new URL(j.getURL(), "theme/set?value=dark-system"), HttpMethod.POST);
        alice.addCrumb(choose);
        assertThat(alice.getPage(choose).getWebResponse().getStatusCode()).isEqualTo(200);
        JenkinsRule.WebClient bob = j.createWebClient().login("bob");
        bob.getOptions().setJavaScriptEnabled(false);

        for (String path : new String[] {"devops-kpi/teams/storefront", "devops-kpi/applications/shop",
                "devops-kpi/compare"}) {
            String alicePage = page(alice, path);
            assertThat(head(alicePage)).as(path)
                    .contains("<script id=\"theme-manager-theme\" type=\"application/json\">{ \"id\": \"dark-system\"")
                    .contains("/jenkins/theme-dark/theme.css")
                    .contains("io/jenkins/plugins/thememanager/header/main.js")
                    .contains("<meta name=\"devops-kpi-api\" content=\"/jenkins/devops-kpi/api/v1\">");
            assertThat(alicePage).as(path).contains("data-theme=\"none\"").contains("<main id=\"main\"")
                    .contains("<body data-hidden-nav=\"admin\"");
            assertThat(head(page(bob, path))).as(path + ", the global theme")
                    .contains("<script id=\"theme-manager-theme\" type=\"application/json\">{ \"id\": \"dark\"");
        }
        assertThat(bob.goTo("theme-dark/theme.css", "text/css").getWebResponse().getStatusCode()).isEqualTo(200);
    }
}
