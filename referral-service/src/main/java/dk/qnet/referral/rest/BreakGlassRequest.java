package dk.qnet.referral.rest;

import dk.qnet.referral.BreakGlassReason;

/** The body of a break-glass read: a coded reason, never free text. */
public record BreakGlassRequest(BreakGlassReason reason) {
}
