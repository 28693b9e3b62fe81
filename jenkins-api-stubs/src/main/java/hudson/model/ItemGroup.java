package hudson.model;

public interface ItemGroup<T extends Item> {
    default <T extends Item> Iterable<T> allItems(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
