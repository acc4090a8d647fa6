package org.xieshang.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Menu entries fall into their mechanism's group by their address. */
class NavGroupTest {

    @Test
    void linksFallIntoTheirMechanism() {
        assertThat(NavGroup.of("/proposals/mine")).isEqualTo(NavGroup.PROPOSAL);
        assertThat(NavGroup.of("/key-proposals?mine=true")).isEqualTo(NavGroup.PROPOSAL);
        assertThat(NavGroup.of("/stats")).isEqualTo(NavGroup.PROPOSAL);
        assertThat(NavGroup.of("/assessment/mine")).isEqualTo(NavGroup.ASSESSMENT);
        assertThat(NavGroup.of("/evaluations")).isEqualTo(NavGroup.EVALUATION);
        assertThat(NavGroup.of("/township-assessments")).isEqualTo(NavGroup.EVALUATION);
        assertThat(NavGroup.of("/audit")).isEqualTo(NavGroup.SYSTEM);
        assertThat(NavGroup.of("/")).isEqualTo(NavGroup.NONE);
        assertThat(NavGroup.of("/inbox")).isEqualTo(NavGroup.NONE);
        // a prefix is a whole segment: /proposalsX is not a proposal page
        assertThat(NavGroup.of("/proposalsX")).isEqualTo(NavGroup.NONE);
    }

    @Test
    void anEntryWithoutAGroupGetsItFromItsAddress() {
        assertThat(new NavItem("k", "/liaison/plans", 40).group()).isEqualTo(NavGroup.LIAISON);
    }
}
