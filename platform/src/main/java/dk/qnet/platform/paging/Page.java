package dk.qnet.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, as every list of the API answers it: the items, which page of what size, and how many there are in all. */
public record Page<T>(
        @Schema(maxItems = PageRequest.MAX_SIZE) List<T> items,
        @Schema(minimum = "0", maximum = "" + PageRequest.MAX_PAGE) int page,
        @Schema(minimum = "1", maximum = "" + PageRequest.MAX_SIZE) int size,
        @Schema(minimum = "0", maximum = "" + Long.MAX_VALUE, description = "How many items there are in all.") long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), page, size, total);
    }
}
