package org.opensalw.registry;

/**
 * The result of walking the hash chain: how many records were checked, and the first one that does not match
 * (its sequence number and what is wrong), if any.
 */
public record LedgerReport(boolean intact, long recordsChecked, Long firstBadSeq, String problem, long millis) {
}
