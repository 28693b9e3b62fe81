package io.devopskpi.core.model;

import java.util.List;
import java.util.TreeSet;

/**
 * What an application is, as tags ({@code web}, {@code customer-facing}) that comparisons filter on for
 * like-for-like. Its key is the application; a re-send replaces the tags. Tags are kept sorted and distinct.
 */
public record ApplicationProfile(String application, List<String> tags) implements Event {
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG = 50;

    public ApplicationProfile {
        String event = "application " + Checks.quote(application);
        application = Checks.required(application, "application", event, Checks.MAX_NAME);
        Checks.present(tags, "tags", event);
        if (tags.size() > MAX_TAGS) {
            // also when they repeat each other: the limit bounds the work a request can ask for
            throw new InvalidEventException("tags", "tags must hold 1 to " + MAX_TAGS + " tags (" + event + "): "
                    + tags.size() + " given");
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (int i = 0; i < tags.size(); i++) {
            distinct.add(Checks.required(tags.get(i), "tags[" + i + "]", event, MAX_TAG));
        }
        if (distinct.isEmpty() || distinct.size() > MAX_TAGS) {
            throw new InvalidEventException("tags", "tags must hold 1 to " + MAX_TAGS + " tags (" + event + "): "
                    + distinct.size() + " given");
        }
        tags = List.copyOf(distinct);
    }

    @Override
    public String describe() {
        return "application " + Checks.quote(application);
    }
}
