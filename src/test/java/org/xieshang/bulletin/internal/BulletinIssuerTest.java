package org.xieshang.bulletin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.bulletin.BulletinCommented;
import org.xieshang.bulletin.BulletinIssuer;
import org.xieshang.bulletin.BulletinIssuer.IssuedBulletin;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.committee.Committees;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.support.Api;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Committee;
import org.xieshang.support.PageClient;
import org.xieshang.support.TestSupport;
import tools.jackson.databind.JsonNode;

/**
 * The bulletin module's public API as the social-report module will use it: a 社情民意专报 about a
 * subject no proposal table knows, numbered on its own, read and commented on like any bulletin;
 * the comment is published with the bulletin's subjects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class BulletinIssuerTest extends ApiTestBase {

    @Autowired
    BulletinIssuer issuer;
    @Autowired
    Bulletins bulletins;
    @Autowired
    Committees committees;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEvents events;

    private Api leader;
    private PageClient leaderPages;
    private PageClient officePages;
    private CurrentUser staff;
    private CurrentUser leaderUser;

    @BeforeAll
    void people() {
        Committee c = new Committee(new Api(port).login("admin", TestSupport.ADMIN_PASSWORD), 1, 0);
        leader = c.role("LEADER_GOV");
        Long committee = committees.all().get(0).id();
        JsonNode me = leader.get("/api/v1/me").json();
        leaderPages = new PageClient(port).signIn(me.path("username").asString(), Committee.PASSWORD);
        String office = TestSupport.account(c.admin, List.of("PROPOSAL_STAFF"), null, null, Committee.PASSWORD).username();
        officePages = new PageClient(port).signIn(office, Committee.PASSWORD);
        leaderUser = new CurrentUser(me.path("id").asLong(), me.path("username").asString(), "政府领导", committee,
                EnumSet.of(Role.LEADER_GOV), null, null);
        staff = new CurrentUser(0L, "office", "提案委", committee, EnumSet.of(Role.PROPOSAL_STAFF), null, null);
    }

    private IssuedBulletin issue(BulletinSubject subject, String content) {
        IssuedBulletin[] out = new IssuedBulletin[1];
        SystemActor.runAs(staff, () -> out[0] = tx.execute(s -> issuer.issueSocialConditions(subject, "社情民意专报：停车难",
                content, List.of(leaderUser.id()))));
        return out[0];
    }

    @Test
    void socialConditionsReportsAreNumberedOnTheirOwnAndReadLikeAnyBulletin() {
        // a type no module answers for (SOCIAL_REPORT is the socialreport module's, which checks its ids)
        BulletinSubject report = new BulletinSubject("UNREGISTERED", 4711L, "关于老城区停车难的反映");
        IssuedBulletin first = issue(report, "");
        IssuedBulletin second = issue(report, "正文");
        assertThat(first.kind()).isEqualTo(BulletinKind.SOCIAL_CONDITIONS);
        assertThat(second.seq()).isEqualTo(first.seq() + 1);

        JsonNode read = leader.get("/api/v1/bulletins/" + first.id()).json();
        assertThat(read.path("kind").asString()).isEqualTo("SOCIAL_CONDITIONS");
        assertThat(read.path("number").asString()).isEqualTo(first.year() + "年第" + first.seq() + "期");
        // drafted from the subject's reference, since no module answers for its type here
        assertThat(read.path("content").asString()).contains("关于老城区停车难的反映");
        assertThat(read.path("proposalIds").values()).isEmpty();
        PageClient.Page page = leaderPages.get("/bulletins/" + first.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("社情民意专报", "关于老城区停车难的反映");

        SystemActor.runAs(leaderUser, () -> tx.executeWithoutResult(s -> bulletins.comment(first.id(), "请有关部门研究", List.of())));
        assertThat(events.stream(BulletinCommented.class)).singleElement().satisfies(e -> {
            assertThat(e.bulletinId()).isEqualTo(first.id());
            assertThat(e.content()).isEqualTo("请有关部门研究");
            assertThat(e.subjects()).containsExactly(report);
        });
    }

    @Test
    void onlyTheOfficeIssuesAndTheRecipientsMustBeLeaders() {
        BulletinSubject report = new BulletinSubject("SOCIAL_REPORT", 1L, "反映");
        assertThatThrownBy(() -> SystemActor.runAs(leaderUser, () -> issuer.issueSocialConditions(report, "专报", "正文",
                List.of(leaderUser.id())))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> SystemActor.runAs(staff, () -> issuer.issueSocialConditions(report, "专报", "正文",
                List.of(staff.id())))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> SystemActor.runAs(staff, () -> issuer.issueSocialConditions(report, " ", "正文",
                List.of(leaderUser.id())))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theOfficesFormAndApiKeepToTheProposalKinds() {
        Api office = new Committee(new Api(port).login("admin", TestSupport.ADMIN_PASSWORD), 0, 0).staff();
        Api.Res refused = office.post("/api/v1/bulletins", Map.of("kind", "SOCIAL_CONDITIONS", "title", "专报",
                "content", "正文", "proposalIds", List.of(), "recipientUserIds", List.of(leaderUser.id())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("problem+json");
        PageClient.Page form = officePages.get("/bulletins/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("KEY_POINTS").doesNotContain("SOCIAL_CONDITIONS");
    }
}
