package org.opensalw.assistance;

/** Where a proposal to a funding call stands. */
public enum ProposalStatus {
    SUBMITTED, INELIGIBLE, SELECTED, NOT_SELECTED, WITHDRAWN
}
