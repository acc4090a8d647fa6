package org.xieshang.liaison;

/**
 * A proposal lead heard during a liaison contact is to become a proposal draft for that member:
 * the proposal module listens and creates the draft with the member as lead proposer.
 * Published once per lead.
 */
public record ProposalLeadRaised(Long committeeId, Long memberId, Long contactId, String text) {
}
