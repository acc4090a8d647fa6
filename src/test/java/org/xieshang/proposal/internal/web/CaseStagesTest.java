package org.xieshang.proposal.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.web.CaseStages.Stage;
import org.xieshang.proposal.internal.web.CaseStages.State;

class CaseStagesTest {

    private static List<State> states(ProposalStatus s) {
        return CaseStages.of(s).stream().map(Stage::state).toList();
    }

    @Test
    void everyStatusHasExactlyOneCurrentStageExceptAClosedCase() {
        for (ProposalStatus s : ProposalStatus.values()) {
            long current = CaseStages.of(s).stream().filter(Stage::current).count();
            assertThat(current).as(s.name()).isEqualTo(s == ProposalStatus.CLOSED ? 0 : 1);
        }
    }

    @Test
    void stagesBeforeTheCurrentOneAreDoneAndTheRestToCome() {
        assertThat(states(ProposalStatus.IN_PROGRESS)).containsExactly(State.DONE, State.DONE, State.DONE, State.CURRENT,
                State.AHEAD, State.AHEAD, State.AHEAD);
        assertThat(states(ProposalStatus.REHANDLING).get(3)).isEqualTo(State.CURRENT);
        assertThat(states(ProposalStatus.CLOSED)).hasSize(CaseStages.STAGE_COUNT).containsOnly(State.DONE);
        assertThat(CaseStages.position(ProposalStatus.REPLY_REVIEW)).isEqualTo(5);
    }

    @Test
    void aCaseThatLeftTheRoadEndsWhereItStopped() {
        assertThat(states(ProposalStatus.NOT_FILED)).containsExactly(State.DONE, State.ENDED);
        assertThat(states(ProposalStatus.MERGED)).containsExactly(State.DONE, State.ENDED);
    }
}
