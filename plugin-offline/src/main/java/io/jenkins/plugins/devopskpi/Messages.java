package io.jenkins.plugins.devopskpi;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Stand-in for the class maven-localizer-plugin generates from Messages.properties in the real build (that plugin
 * is not on Maven Central): the same static methods, one per key with dots as underscores, reading the same
 * bundle. MessagesTest keeps the two in step.
 */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.jenkins.plugins.devopskpi.Messages");

    private Messages() {
    }

    private static String text(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key)).format(args);
    }

    public static String RootAction_DisplayName() {
        return text("RootAction.DisplayName");
    }

    public static String RootAction_ApplicationForbidden() {
        return text("RootAction.ApplicationForbidden");
    }

    public static String JobAction_DisplayName() {
        return text("JobAction.DisplayName");
    }

    public static String Column_DisplayName() {
        return text("Column.DisplayName");
    }

    public static String Portlet_DisplayName() {
        return text("Portlet.DisplayName");
    }

    public static String Configuration_EmbeddedStore(Object arg0) {
        return text("Configuration.EmbeddedStore", arg0);
    }

    public static String Configuration_PatternRequired() {
        return text("Configuration.PatternRequired");
    }

    public static String RecordDeploymentStep_DisplayName() {
        return text("RecordDeploymentStep.DisplayName");
    }

    public static String DeploymentStep_DisplayName() {
        return text("DeploymentStep.DisplayName");
    }

    public static String RecordIncidentStep_DisplayName() {
        return text("RecordIncidentStep.DisplayName");
    }

    public static String ResolveIncidentStep_DisplayName() {
        return text("ResolveIncidentStep.DisplayName");
    }

    public static String KpiGateStep_DisplayName() {
        return text("KpiGateStep.DisplayName");
    }
}
