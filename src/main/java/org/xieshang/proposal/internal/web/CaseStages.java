package org.xieshang.proposal.internal.web;

import java.util.ArrayList;
import java.util.List;
import org.xieshang.proposal.ProposalStatus;

/**
 * The stage bar at the top of a case: the stages every filed case passes through, which are done,
 * which one the case is in now, and where a case stopped that left the road (not filed, withdrawn,
 * merged). Public because the precompiled templates live in a package of their own.
 */
public final class CaseStages {

    /** One stage: its message key suffix and how far the case is with it. */
    public record Stage(int number, String key, State state) {

        public boolean current() {
            return state == State.CURRENT || state == State.ENDED;
        }
    }

    public enum State { DONE, CURRENT, AHEAD, ENDED }

    /** The stages in order; a status belongs to the stage in which it waits. */
    static final List<String> STAGES = List.of("write", "review", "assign", "handle", "replyReview", "rate", "closed");

    public static final int STAGE_COUNT = STAGES.size();

    private CaseStages() {
    }

    /** The stage bar for a case in this status. */
    public static List<Stage> of(ProposalStatus status) {
        int at = index(status);
        boolean ended = status == ProposalStatus.NOT_FILED || status == ProposalStatus.WITHDRAWN
                || status == ProposalStatus.MERGED;
        boolean closed = status == ProposalStatus.CLOSED;
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            State s;
            if (i < at || closed) {
                s = State.DONE;
            } else if (i == at) {
                s = ended ? State.ENDED : State.CURRENT;
            } else {
                s = State.AHEAD;
            }
            if (ended && i > at) {
                break; // a case that left the road shows no stages it will never reach
            }
            stages.add(new Stage(i + 1, STAGES.get(i), s));
        }
        return stages;
    }

    /** The position of the current stage, counted from 1 (for "stage 3 of 7"). */
    public static int position(ProposalStatus status) {
        return index(status) + 1;
    }

    /** The message key suffix of the current stage. */
    public static String currentKey(ProposalStatus status) {
        return STAGES.get(index(status));
    }

    private static int index(ProposalStatus status) {
        return switch (status.name()) {
            case "DRAFT", "AWAITING_COSIGNERS" -> 0;
            // a withdrawn case stopped before review in most cases; withdrawing later also ends it there
            case "SUBMITTED", "NOT_FILED", "MERGED", "WITHDRAWN" -> 1;
            case "FILED" -> 2;
            case "ASSIGNED", "IN_PROGRESS", "REHANDLING" -> 3;
            case "REPLY_REVIEW" -> 4;
            case "REPLIED" -> 5;
            default -> 6;
        };
    }
}
