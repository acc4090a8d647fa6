package org.xieshang.audit;

/**
 * The result of recomputing a hash chain: intact, or the sequence number where it breaks and
 * why (ENTRY_CHANGED, ENTRY_MISSING, LINK_BROKEN, TAIL_MISSING).
 */
public record ChainVerification(boolean intact, long checked, Long brokenAtSeq, String problem) {
}
