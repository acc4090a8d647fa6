package org.xieshang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.Committees;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;
import org.xieshang.support.Api.Res;

/** Without an SMTP server configured (the default) notices land in the inbox and no mail is queued. */
class MailOffTest extends ApiTestBase {

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Committees committees;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectProvider<JavaMailSender> smtp;

    @Test
    void noSmtpServerMeansInboxOnlyAndNothingQueued() throws InterruptedException {
        assertThat(smtp.getIfAvailable()).as("no spring.mail.host, no mail sender").isNull();
        String email = TestSupport.unique("off").toLowerCase() + "@example.test";
        Map<String, Object> body = Fixtures.userBody(admin, TestSupport.unique("mail-off"), "LEADER_GOV");
        body.put("email", email);
        Res user = admin.post("/api/v1/users", body);
        assertThat(user.status()).as("%s", user).isEqualTo(201);

        Long committee = committees.all().get(0).id();
        SystemActor.runAs(committee, () -> tx.executeWithoutResult(s -> notifications.toUsers(List.of(user.id()),
                Notice.of("proposal.notice.filed", "/proposals/3", "无邮件的建议"))));

        var inbox = api.login(user.get("username"), Fixtures.USER_PASSWORD).get("/api/v1/notifications");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json().path("items").values()).extracting(n -> n.path("text").asString())
                .containsExactly("您的提案《无邮件的建议》已立案");
        Thread.sleep(500); // an asynchronous delivery, if one had been queued, would have failed by now
        assertThat(jdbc.queryForObject("select count(*) from mail_delivery where recipient = ?", Integer.class, email)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id = ?", Integer.class,
                "xieshang.notification.mail")).isZero();
    }
}
