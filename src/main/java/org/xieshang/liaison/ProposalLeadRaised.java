package org.xieshang.liaison;

/**
 * A proposal lead heard during a liaison contact is to become a proposal draft for that member.
 * The proposal module does not exist yet: it is expected to listen to this event and create the
 * draft (with the member as lead proposer). Published once per lead.
 */
public record ProposalLeadRaised(Long committeeId, Long memberId, Long contactId, String text) {
}
