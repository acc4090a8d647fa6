package org.xieshang.socialreport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xieshang.bulletin.BulletinIssuer;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.identity.UserAccounts;
import org.xieshang.shared.Role;

/** Who an adopted report is sent to: every CPPCC and government leader once, or no bulletin without leaders. */
class BulletinLeaderHandOffTest {

    record Issued(BulletinKind kind, String title, String content, List<BulletinSubject> subjects, List<Long> to) {
    }

    static final class RecordingIssuer implements BulletinIssuer {
        final List<Issued> issued = new ArrayList<>();

        @Override
        public IssuedBulletin issue(BulletinKind kind, String title, String content, List<BulletinSubject> subjects,
                                    List<Long> recipientUserIds) {
            issued.add(new Issued(kind, title, content, subjects, recipientUserIds));
            return new IssuedBulletin(1L, kind, 2026, issued.size(), "2026年第" + issued.size() + "期", title);
        }
    }

    static UserAccounts leaders(Map<Role, List<Long>> byRole) {
        return (UserAccounts) java.lang.reflect.Proxy.newProxyInstance(UserAccounts.class.getClassLoader(),
                new Class<?>[] {UserAccounts.class}, (proxy, method, args) -> {
                    if (method.getName().equals("userIdsWithRole")) {
                        return byRole.getOrDefault((Role) args[0], List.of());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aSocialConditionsBulletinAboutTheReportGoesToEveryLeaderOnce() {
        RecordingIssuer issuer = new RecordingIssuer();
        new BulletinLeaderHandOff(issuer, leaders(Map.of(Role.LEADER_CPPCC, List.of(3L, 5L), Role.LEADER_GOV, List.of(5L, 7L))))
                .adopted(42L, "标题", "正文");
        assertThat(issuer.issued).containsExactly(new Issued(BulletinKind.SOCIAL_CONDITIONS, "标题", "正文",
                List.of(new BulletinSubject("SOCIAL_REPORT", 42L, "标题")), List.of(3L, 5L, 7L)));
    }

    @Test
    void withoutLeadersNothingIsIssued() {
        RecordingIssuer issuer = new RecordingIssuer();
        new BulletinLeaderHandOff(issuer, leaders(Map.of())).adopted(42L, "标题", "正文");
        assertThat(issuer.issued).isEmpty();
    }
}
