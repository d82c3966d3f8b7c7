package org.opensalw.assistance;

/** Where an assistance request stands; DRAFT requests come from baseline assessments and wait for the state to confirm them. */
public enum RequestStatus {
    DRAFT, OPEN, MATCHED, CLOSED, WITHDRAWN
}
