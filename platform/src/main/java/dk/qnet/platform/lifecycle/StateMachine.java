package dk.qnet.platform.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which: a lifecycle as a table, in plain Java. A status the table gives
 * no next step is final. ReferralLifecycle and MatchLifecycle are two of them.
 *
 * @param <S> the statuses
 */
public final class StateMachine<S extends Enum<S>> {

    private final Class<S> type;
    private final Map<S, Set<S>> next;

    private StateMachine(Class<S> type, Map<S, Set<S>> next) {
        this.type = type;
        this.next = next;
    }

    /** A table with no steps yet: each {@link Builder#from} adds the steps out of one status. */
    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    public boolean allows(S from, S to) {
        return next.get(from).contains(to);
    }

    /** The statuses that may follow, as a copy. */
    public Set<S> next(S from) {
        Set<S> steps = next.get(from);
        return steps.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(steps);
    }

    public boolean isFinal(S status) {
        return next.get(status).isEmpty();
    }

    public static final class Builder<S extends Enum<S>> {

        private final Class<S> type;
        private final Map<S, Set<S>> next;

        private Builder(Class<S> type) {
            this.type = type;
            this.next = new EnumMap<>(type);
            for (S status : type.getEnumConstants()) {
                next.put(status, EnumSet.noneOf(type));
            }
        }

        /** The steps out of one status (added to those already given). */
        @SafeVarargs
        public final Builder<S> from(S from, S... to) {
            for (S status : to) {
                next.get(from).add(status);
            }
            return this;
        }

        public StateMachine<S> build() {
            Map<S, Set<S>> table = new EnumMap<>(type);
            next.forEach((from, to) -> table.put(from, to.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(to)));
            return new StateMachine<>(type, table);
        }
    }
}
