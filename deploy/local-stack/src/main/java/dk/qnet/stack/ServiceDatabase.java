package dk.qnet.stack;

import java.util.List;

/** One service's own database and the login role that alone may connect to it. */
public record ServiceDatabase(String name, String role, String password) {

    /** The local and test databases: one per service, role named like the database. */
    public static final List<ServiceDatabase> ALL = List.of(
            local("referral"), local("matching"), local("activity"), local("statistics"));

    public static ServiceDatabase local(String service) {
        return new ServiceDatabase(service, service, service + "-local-pw");
    }

    public static ServiceDatabase named(String service) {
        return ALL.stream()
                .filter(db -> db.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No database for service " + service));
    }
}
