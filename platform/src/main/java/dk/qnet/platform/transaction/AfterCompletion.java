package dk.qnet.platform.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;

/** Something to do once a transaction has ended, registered at most once per transaction and key. */
public final class AfterCompletion {

    private AfterCompletion() {
    }

    /**
     * Runs {@code action} with whether the transaction committed, after it has ended; a second
     * registration with the same key in the same transaction changes nothing.
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Consumer<Boolean> action) {
        if (registered(transactions, key)) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }

    /** Whether this transaction registered something under the key. */
    public static boolean registered(TransactionSynchronizationRegistry transactions, Object key) {
        return transactions.getResource(key) != null;
    }
}
