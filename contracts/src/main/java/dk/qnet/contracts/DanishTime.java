package dk.qnet.contracts;

import java.time.ZoneId;

/** The suite's calendar: every date it shows or reasons about (move-out, meetings, periods, "today") is a Danish date. */
public final class DanishTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private DanishTime() {
    }
}
