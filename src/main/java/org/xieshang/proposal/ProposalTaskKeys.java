package org.xieshang.proposal;

/**
 * Keys of the tasks proposal notices ask for ({@code proposal:{id}:{task}}), for modules that remind of
 * them (the reminder module): a reminder carrying the key is cleared with the task's other notices.
 */
public final class ProposalTaskKeys {

    private ProposalTaskKeys() {
    }

    public static String of(Long proposalId, String task) {
        return "proposal:" + proposalId + ":" + task;
    }

    /** A proposer's rating of the reply. */
    public static String rate(Long proposalId) {
        return of(proposalId, "rate");
    }

    /** The lead unit's reply. */
    public static String reply(Long proposalId) {
        return of(proposalId, "reply");
    }

    /** A co-unit's opinion to the lead unit (会签). */
    public static String coOpinion(Long proposalId, Long unitId) {
        return of(proposalId, "co-opinion:unit:" + unitId);
    }
}
