package io.jenkins.plugins.devopskpi.behaviour;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Non-null, non-default values by type, so a field that is lost on the way through serialization is told apart
 * from its original. Later instants are later in the sequence, so a from/to pair is in order.
 */
final class Representative {
    /** Step arguments whose text a step parses; any other text argument gets its name as value. */
    private static final Map<String, String> TEXT_FORMATS = Map.of(
            "started", "2026-01-05T10:07:00Z",
            "resolved", "2026-01-05T13:00:00Z",
            "components", "pipeline-lib@3.2.0, base-image-jre@21.0.4",
            "kind", "HOTFIX");

    private final StepContext context;
    private int next;

    Representative(StepContext context) {
        this.context = context;
    }

    /** The text a step's argument named {@code name} takes in a pipeline script. */
    static String text(String name) {
        return TEXT_FORMATS.getOrDefault(name, name + "-value");
    }

    Object[] arguments(Executable executable) {
        return Arrays.stream(executable.getGenericParameterTypes()).map(this::of).toArray();
    }

    Object of(Type type) {
        int n = ++next;
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class || raw == Iterable.class || raw == java.util.Collection.class) {
                return List.of(of(args[0]));
            }
            if (raw == Set.class) {
                return Set.of(of(args[0]));
            }
            if (raw == Map.class) {
                return Map.of(of(args[0]), of(args[1]));
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "text-" + n;
        }
        if (c == int.class || c == Integer.class) {
            return n;
        }
        if (c == long.class || c == Long.class) {
            return (long) n;
        }
        if (c == double.class || c == Double.class) {
            return 0.5; // valid as a fraction and as a count
        }
        if (c == boolean.class || c == Boolean.class) {
            return true;
        }
        if (c == Instant.class) {
            return Instant.parse("2026-01-05T10:00:00Z").plus(Duration.ofHours(n));
        }
        if (c == Duration.class) {
            return Duration.ofMinutes(n);
        }
        if (c == ZoneId.class) {
            return ZoneOffset.UTC;
        }
        if (StepContext.class.isAssignableFrom(c)) {
            return context;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1]; // the last: rarely a default
        }
        if (c.isSealed()) {
            return of(c.getPermittedSubclasses()[0]);
        }
        if (c.isRecord()) {
            try {
                return construct(c, c.getDeclaredConstructor(Arrays.stream(c.getRecordComponents())
                        .map(r -> r.getType()).toArray(Class<?>[]::new)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
        return construct(c, Arrays.stream(c.getDeclaredConstructors())
                .max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new IllegalArgumentException("no constructor to make a " + c.getName())));
    }

    <T> T construct(Class<T> type, Constructor<?> constructor) {
        try {
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(arguments(constructor)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a representative " + type.getName() + ": "
                    + (e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
