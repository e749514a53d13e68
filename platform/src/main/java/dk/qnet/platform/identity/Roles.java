package dk.qnet.platform.identity;

/** The OIDC realm roles of docs/ARCHITECTURE.md. */
public final class Roles {

    public static final String SHELTER = "shelter";
    public static final String ADVISER = "adviser";
    public static final String COORDINATOR = "coordinator";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    /** The longest role name a record names, "system" (a change nobody made by hand) included. */
    public static final int MAX_NAME_LENGTH = 20;

    /** The token claims that scope a role to its tenant. */
    public static final String ORG_ID_CLAIM = "org_id";
    public static final String MUNICIPALITY_CLAIM = "municipality_code";
    public static final String NETWORK_CLAIM = "network_id";

    /** The sender organisation id of an adviser's municipality, as referrals and webhooks record it. */
    public static String municipalityAsSender(String municipalityCode) {
        return "municipality:" + municipalityCode;
    }

    private Roles() {
    }
}
