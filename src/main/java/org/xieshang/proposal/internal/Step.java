package org.xieshang.proposal.internal;

import static org.xieshang.proposal.ProposalStatus.ASSIGNED;
import static org.xieshang.proposal.ProposalStatus.AWAITING_COSIGNERS;
import static org.xieshang.proposal.ProposalStatus.CLOSED;
import static org.xieshang.proposal.ProposalStatus.DRAFT;
import static org.xieshang.proposal.ProposalStatus.FILED;
import static org.xieshang.proposal.ProposalStatus.IN_PROGRESS;
import static org.xieshang.proposal.ProposalStatus.MERGED;
import static org.xieshang.proposal.ProposalStatus.NOT_FILED;
import static org.xieshang.proposal.ProposalStatus.REHANDLING;
import static org.xieshang.proposal.ProposalStatus.REPLIED;
import static org.xieshang.proposal.ProposalStatus.REPLY_REVIEW;
import static org.xieshang.proposal.ProposalStatus.SUBMITTED;
import static org.xieshang.proposal.ProposalStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;
import org.xieshang.proposal.ProposalStatus;

/**
 * The proposal state machine as data: for every step, the states it may start from, the state
 * it leads to (null: stays, or decided by the step's rule), and who may take it.
 */
public enum Step {
    EDIT(EnumSet.of(DRAFT), null, Actor.LEAD_PROPOSER),
    ATTACH(EnumSet.of(DRAFT), null, Actor.LEAD_PROPOSER),
    SUBMIT(EnumSet.of(DRAFT), null, Actor.LEAD_PROPOSER),
    COSIGN(EnumSet.of(AWAITING_COSIGNERS), null, Actor.COSIGNER),
    WITHDRAW(EnumSet.of(DRAFT, AWAITING_COSIGNERS, SUBMITTED), WITHDRAWN, Actor.LEAD_PROPOSER),
    FILE(EnumSet.of(SUBMITTED), FILED, Actor.STAFF),
    NOT_FILE(EnumSet.of(SUBMITTED), NOT_FILED, Actor.STAFF),
    CONVERT(EnumSet.of(NOT_FILED), null, Actor.STAFF),
    MERGE(EnumSet.of(SUBMITTED, FILED), MERGED, Actor.STAFF),
    ASSIGN(EnumSet.of(FILED, ASSIGNED), ASSIGNED, Actor.STAFF),
    REQUEST_REASSIGNMENT(EnumSet.of(ASSIGNED), null, Actor.LEAD_UNIT),
    ACCEPT(EnumSet.of(ASSIGNED), IN_PROGRESS, Actor.LEAD_UNIT),
    RECORD_HANDLING(EnumSet.of(ASSIGNED, IN_PROGRESS, REHANDLING), null, Actor.LEAD_UNIT, Actor.CO_UNIT),
    CO_OPINION(EnumSet.of(ASSIGNED, IN_PROGRESS, REHANDLING), null, Actor.CO_UNIT),
    REPLY(EnumSet.of(IN_PROGRESS, REHANDLING), REPLY_REVIEW, Actor.LEAD_UNIT),
    // the unit head signs the handler's reply before staff review it (ProposalHandling.signOff)
    SIGN_OFF_REPLY(EnumSet.of(REPLY_REVIEW), null, Actor.LEAD_UNIT_HEAD),
    APPROVE_REPLY(EnumSet.of(REPLY_REVIEW), REPLIED, Actor.STAFF),
    // back to IN_PROGRESS, or to REHANDLING while the case is being rehandled (ProposalHandling)
    RETURN_REPLY(EnumSet.of(REPLY_REVIEW), null, Actor.STAFF),
    EVALUATE(EnumSet.of(REPLIED, REHANDLING, CLOSED), null, Actor.PROPOSER),
    REPORT_IMPLEMENTED(EnumSet.of(REPLIED, REHANDLING, CLOSED), null, Actor.LEAD_UNIT),
    EXTEND_DUE(EnumSet.of(ASSIGNED, IN_PROGRESS, REHANDLING), null, Actor.STAFF),
    PUBLISH(EnumSet.of(FILED, ASSIGNED, IN_PROGRESS, REPLY_REVIEW, REPLIED, REHANDLING, CLOSED), null, Actor.STAFF),
    // key proposals: chosen among filed cases; supervised by staff, supervisors and lead leaders (KeyProposals)
    MARK_KEY(EnumSet.of(FILED, ASSIGNED, IN_PROGRESS, REPLY_REVIEW, REPLIED, REHANDLING, CLOSED), null, Actor.STAFF),
    SUPERVISE(EnumSet.of(FILED, ASSIGNED, IN_PROGRESS, REPLY_REVIEW, REPLIED, REHANDLING, CLOSED), null, Actor.STAFF,
            Actor.KEY_LEADER);

    /** How the current user stands to a case. */
    public enum Actor {
        LEAD_PROPOSER, COSIGNER, PROPOSER, STAFF, LEAD_UNIT, CO_UNIT,
        /** A UNIT_HEAD of the lead unit, who signs its replies. */
        LEAD_UNIT_HEAD,
        /** A lead-handling leader or supervisor of a key case (given by KeyProposals, not by ProposalCase). */
        KEY_LEADER
    }

    private final Set<ProposalStatus> from;
    private final ProposalStatus to;
    private final Set<Actor> actors;

    Step(Set<ProposalStatus> from, ProposalStatus to, Actor... actors) {
        this.from = from;
        this.to = to;
        this.actors = Set.of(actors);
    }

    public Set<ProposalStatus> from() {
        return from;
    }

    ProposalStatus to() {
        return to;
    }

    public boolean allowsAnyOf(Set<Actor> who) {
        return who.stream().anyMatch(actors::contains);
    }

    public boolean startsFrom(ProposalStatus status) {
        return from.contains(status);
    }

    /** The states a step is never allowed from, for tests of the table. */
    static Set<ProposalStatus> terminal() {
        return EnumSet.of(WITHDRAWN, MERGED);
    }
}
