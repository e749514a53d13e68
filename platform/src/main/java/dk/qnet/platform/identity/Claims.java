package dk.qnet.platform.identity;

/**
 * The longest claims a token may carry. Records keep who did what (an audit entry's subject and
 * organisation, a referral's sender), so a claim's length is bounded where the token is read
 * ({@link dk.qnet.platform.security.ClaimLengthValidator}), and the documents can say how long
 * those fields are.
 */
public final class Claims {

    /** OpenID Connect Core 1.0, 2: a subject "MUST NOT exceed 255 ASCII characters in length". */
    public static final int MAX_SUBJECT_LENGTH = 255;
    /** A tenant claim (org_id, network_id, municipality_code) or a tenant id made of one (municipality:0461). */
    public static final int MAX_TENANT_LENGTH = 100;

    private Claims() {
    }
}
