package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * Every {@code @ExportedBean} of the plugin (found by scanning its classes) as Stapler's model builder and Jelly's
 * JEXL read it: each {@code @Exported} member is a public JavaBean getter ({@code getX()}, {@code isX()} for a
 * boolean) of a class that is not a record, so the property has the same name in {@code api/json} and in the views;
 * and what it returns is something Stapler can write (a string, number, boolean, another exported bean, or a list of
 * those), else {@code api/json} fails with "not exportable".
 */
class ExportedBeansTest {
    private static final Set<Class<?>> VALUES = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class, int.class, long.class, double.class, boolean.class);

    static List<Class<?>> exportedBeans() {
        List<Class<?>> beans = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.devopskpi")) {
            if (type.isAnnotatedWith(ExportedBean.class)) {
                beans.add(type.reflect());
            }
        }
        return beans;
    }

    @Test
    void theScanFindsTheJobActionAndItsFigures() {
        assertThat(exportedBeans()).extracting(Class::getSimpleName).contains("JobKpiAction", "JobKpis", "Recorded",
                "RecordedDeployment", "RecordedGate", "KpiLists", "ApplicationEntry", "TeamEntry");
    }

    @Test
    void everyExportedMemberIsAJavaBeanGetterOfAnExportableType() throws IntrospectionException {
        List<String> wrong = new ArrayList<>();
        for (Class<?> bean : exportedBeans()) {
            if (bean.isRecord()) {
                wrong.add(bean.getName() + " is a record: JEXL and Stapler do not see its accessors");
            }
            if (!Modifier.isPublic(bean.getModifiers())) {
                wrong.add(bean.getName() + " is not public");
            }
            if (Arrays.stream(bean.getDeclaredFields()).anyMatch(f -> f.isAnnotationPresent(Exported.class))) {
                wrong.add(bean.getName() + " exports a field: export its getter, which the views read too");
            }
            Set<Method> getters = new java.util.HashSet<>();
            for (PropertyDescriptor property : Introspector.getBeanInfo(bean).getPropertyDescriptors()) {
                getters.add(property.getReadMethod());
            }
            for (Method method : bean.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Exported.class)) {
                    continue;
                }
                String name = bean.getSimpleName() + "." + method.getName();
                if (!getters.contains(method) || !Modifier.isPublic(method.getModifiers())) {
                    wrong.add(name + " is not a public JavaBean getter");
                }
                if (!exportable(method.getGenericReturnType())) {
                    wrong.add(name + " returns " + method.getGenericReturnType() + ", which Stapler cannot export");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theCheckRefusesARecordAccessorAndANonBeanReturnType() throws Exception {
        assertThat(exportable(String.class)).isTrue();
        assertThat(exportable(Object.class)).isFalse();
        assertThat(exportable(Samples.class.getMethod("names").getGenericReturnType())).isTrue();
        assertThat(exportable(Samples.class.getMethod("objects").getGenericReturnType())).isFalse();
        Set<Method> getters = new java.util.HashSet<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(Samples.class).getPropertyDescriptors()) {
            getters.add(property.getReadMethod());
        }
        assertThat(getters).doesNotContain(Samples.class.getMethod("names"))
                .as("a record-style accessor is not a property").doesNotContain((Method) null);
    }

    /** Record-style accessors, which are not JavaBean properties. */
    public interface Samples {
        List<String> names();

        List<Object> objects();
    }

    private static boolean exportable(Type type) {
        if (type instanceof Class<?> c) {
            return VALUES.contains(c) || c.isEnum() || c.isAnnotationPresent(ExportedBean.class);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return exportable(p.getActualTypeArguments()[0]);
        }
        return false;
    }
}
