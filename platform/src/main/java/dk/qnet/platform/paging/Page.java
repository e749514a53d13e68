package dk.qnet.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list of the API answers it: the items, which page of what size, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), page, size, total);
    }
}
