package dk.qnet.contracts.network;

import java.util.regex.Pattern;

/** A network's id, such as net-odense: chosen by the admin who creates the network, the same in every service. */
public final class NetworkIds {

    /** "net-" and 2 to 40 lower-case letters, digits and dashes. */
    public static final String REGEX = "net-[a-z0-9-]{2,40}";
    public static final int MAX_LENGTH = 44;
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private NetworkIds() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }
}
