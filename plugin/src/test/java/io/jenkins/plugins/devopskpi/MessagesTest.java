package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every key of Messages.properties has its accessor (as maven-localizer-plugin generates them), and back. */
class MessagesTest {
    @Test
    void accessorsMatchTheKeys() {
        Set<String> keys = ResourceBundle.getBundle("io.jenkins.plugins.devopskpi.Messages").keySet().stream()
                .map(key -> key.replace('.', '_')).collect(Collectors.toSet());
        Set<String> methods = Arrays.stream(Messages.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).filter(name -> !name.startsWith("_")).collect(Collectors.toSet());
        assertThat(methods).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Messages.Configuration_EmbeddedStore("/var/jenkins_home/devops-kpi")).endsWith(
                "in /var/jenkins_home/devops-kpi");
    }
}
