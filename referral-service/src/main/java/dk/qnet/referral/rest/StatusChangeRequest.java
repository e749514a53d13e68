package dk.qnet.referral.rest;

import dk.qnet.referral.StatusReason;

/** The body of reject and withdraw: a coded reason, never free text. */
public record StatusChangeRequest(StatusReason reason) {
}
