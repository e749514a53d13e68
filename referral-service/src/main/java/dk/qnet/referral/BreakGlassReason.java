package dk.qnet.referral;

/**
 * Why an administrator reads a woman's personal data, which her role otherwise never shows. Each
 * such read is audited with its reason and shown on the audit page.
 */
public enum BreakGlassReason {
    /** Her life or safety is at risk and the sender and the coordinator cannot be reached. */
    SAFETY_EMERGENCY,
    /** She asked for her own data (GDPR article 15) or its correction. */
    DATA_SUBJECT_REQUEST,
    /** A court order or another legal duty to disclose. */
    LEGAL_OBLIGATION,
    /** A security incident or a suspected misuse is being investigated. */
    INCIDENT_INVESTIGATION
}
