package org.opensalw.network;

/** A national authority keeps a register and answers traces; a hub (regional body, UN) relays between nodes. */
public enum NodeRole { NATIONAL, HUB }
