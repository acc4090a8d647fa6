package org.xieshang.socialreport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.socialreport.AdoptionLevel;

/** The visibility and permission rule of social reports, role by role and state by state. */
class SocialReportAccessTest {

    private static final long AUTHOR = 7L;

    private static CurrentUser user(Long memberId, Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        return new CurrentUser(1L, "u", "u", 1L, set, memberId, null);
    }

    private static SocialReport report(ReportStatus status) {
        SocialReport r = new SocialReport(AUTHOR, 3L, "标题", "内容", null, ReportOrigin.MEMBER, null, LocalDate.now(),
                Instant.now(), "u");
        if (status == ReportStatus.ADOPTED) {
            r.adopt(AdoptionLevel.CITY, Instant.now(), "staff");
        } else if (status == ReportStatus.NOT_ADOPTED) {
            r.refuse("理由", Instant.now(), "staff");
        }
        return r;
    }

    @Test
    void theOfficeAdminAndCppccLeadersSeeEverything() {
        for (Role role : new Role[] {Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC}) {
            for (ReportStatus s : ReportStatus.values()) {
                assertThat(SocialReportAccess.visible(user(null, role), report(s))).as(role + " " + s).isTrue();
            }
        }
    }

    @Test
    void governmentLeadersSeeAdoptedReportsOnly() {
        CurrentUser gov = user(null, Role.LEADER_GOV);
        assertThat(SocialReportAccess.visible(gov, report(ReportStatus.ADOPTED))).isTrue();
        assertThat(SocialReportAccess.visible(gov, report(ReportStatus.SUBMITTED))).isFalse();
        assertThat(SocialReportAccess.visible(gov, report(ReportStatus.NOT_ADOPTED))).isFalse();
    }

    @Test
    void aMemberSeesTheirOwnInEveryStateAndNoOneElses() {
        for (ReportStatus s : ReportStatus.values()) {
            assertThat(SocialReportAccess.visible(user(AUTHOR, Role.MEMBER), report(s))).isTrue();
            assertThat(SocialReportAccess.visible(user(AUTHOR + 1, Role.MEMBER), report(s))).isFalse();
        }
    }

    @Test
    void unitsHaveNoPartAndOnlyTheRightRolesAct() {
        CurrentUser unit = user(null, Role.UNIT_HANDLER, Role.UNIT_HEAD);
        assertThat(SocialReportAccess.mayUse(unit)).isFalse();
        assertThat(SocialReportAccess.visible(unit, report(ReportStatus.ADOPTED))).isFalse();
        assertThat(SocialReportAccess.mayDecide(user(null, Role.ADMIN))).isFalse();
        assertThat(SocialReportAccess.mayDecide(user(null, Role.PROPOSAL_STAFF))).isTrue();
        assertThat(SocialReportAccess.mayComment(user(null, Role.LEADER_GOV))).isTrue();
        assertThat(SocialReportAccess.mayComment(user(null, Role.PROPOSAL_STAFF))).isFalse();
        assertThat(SocialReportAccess.mayWrite(user(AUTHOR, Role.MEMBER))).isTrue();
        assertThat(SocialReportAccess.mayWrite(user(null, Role.MEMBER))).isFalse();
        assertThat(SocialReportAccess.mayWrite(user(AUTHOR, Role.LEADER_CPPCC))).isFalse();
    }

    @Test
    void theOfficesEditKeepsTheOriginal() {
        SocialReport r = report(ReportStatus.SUBMITTED);
        r.edit("新标题", "新内容", "社会治理", Instant.now(), "staff");
        assertThat(r.currentTitle()).isEqualTo("新标题");
        assertThat(r.currentContent()).isEqualTo("新内容");
        assertThat(r.getTitle()).isEqualTo("标题");
        assertThat(r.getContent()).isEqualTo("内容");
        assertThat(r.edited()).isTrue();
    }
}
