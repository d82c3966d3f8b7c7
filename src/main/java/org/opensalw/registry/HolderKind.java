package org.opensalw.registry;

public enum HolderKind {
    PERSON, COMPANY, STATE_BODY
}
