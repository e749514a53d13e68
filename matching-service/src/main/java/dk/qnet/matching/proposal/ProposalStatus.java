package dk.qnet.matching.proposal;

/** A proposal is open until a coordinator approves it; a run drops the open ones it no longer makes. */
public enum ProposalStatus {
    PROPOSED,
    APPROVED
}
