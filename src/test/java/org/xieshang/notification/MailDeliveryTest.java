package org.xieshang.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.Committees;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.Api;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;
import org.xieshang.support.Fixtures;
import org.xieshang.support.TestSupport;

/**
 * Notification e-mail over SMTP (GreenMail): sent after commit, kept while the server is down,
 * retried by the scheduled job, each mail delivered once; nothing for a rolled-back transaction.
 */
class MailDeliveryTest extends ApiTestBase {

    /** Free when the suite starts; the application is configured for it before GreenMail listens there. */
    static final int SMTP_PORT = freePort();
    static final String LISTENER = "xieshang.notification.mail";

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("xieshang.mail.from", () -> "xieshang@example.org");
        registry.add("xieshang.mail.base-url", () -> "https://xieshang.example.org/");
        // the test runs the retry job itself; first attempts are over before it does
        registry.add("xieshang.mail.retry-interval", () -> "1h");
        registry.add("xieshang.mail.retry-after", () -> "0s");
    }

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Committees committees;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;
    @Autowired
    IncompleteEventPublications incomplete;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mailsWaitWhileTheServerIsDownAndArriveOnceWhenItIsBack() throws Exception {
        String domain = TestSupport.unique("down").toLowerCase() + ".test";
        Recipients r = recipients(domain);
        List<String> titles = List.of("关于加强社区养老服务的建议", "关于改善背街小巷照明的建议", "关于规范校外培训的建议");
        for (String title : titles) {
            notify(r.userIds(), Notice.of("proposal.notice.filed", "/proposals/42", title));
        }

        // every first attempt fails (nothing listens): the mails stay queued, the inbox is filled
        await(Duration.ofSeconds(20), () -> attempted(domain) == 9);
        assertThat(incompletePublications(domain)).isEqualTo(9);
        assertThat(ledgerStates(domain)).containsOnlyKeys("PENDING").containsEntry("PENDING", 9L);
        assertThat(r.withoutMail().get("/api/v1/notifications/unread-count").json().path("unread").asInt()).isEqualTo(3);
        assertThat(r.ownAddress().get("/api/v1/notifications/unread-count").json().path("unread").asInt()).isEqualTo(3);

        // the retry while the server is still down fails again and keeps them
        runRetryJob();
        await(Duration.ofSeconds(20), () -> attempted(domain) == 18 && ledgerStates(domain).equals(Map.of("PENDING", 9L)));
        assertThat(incompletePublications(domain)).isEqualTo(9);

        smtp = startSmtp();
        // the scheduled job and two concurrent resubmissions race for the same publications
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> resubmit = () -> {
                incomplete.resubmitIncompletePublications(p -> true);
                return null;
            };
            List<Future<Void>> racing = pool.invokeAll(List.of(resubmit, resubmit));
            runRetryJob();
            for (Future<Void> f : racing) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        await(Duration.ofSeconds(30), () -> incompletePublications(domain) == 0);
        Thread.sleep(1500); // a duplicate would arrive now
        Map<String, Long> received = received(domain);
        Map<String, Long> expected = new HashMap<>();
        for (String to : List.of(r.ownEmail(), r.memberEmail(), r.staffEmail())) {
            for (String title : titles) {
                expected.put(to + " | 【测试区政协】您的提案《" + title + "》已立案", 1L);
            }
        }
        assertThat(received).isEqualTo(expected);
        assertThat(ledgerStates(domain)).isEqualTo(Map.of("SENT", 9L));

        // the body is in Chinese, addresses the recipient and links to the page
        MimeMessage one = messagesTo(r.memberEmail()).get(0);
        String body = (String) one.getContent();
        assertThat(body).contains(r.memberName() + "，您好", "已立案", "https://xieshang.example.org/proposals/42", "测试区政协");
        assertThat(one.getFrom()[0].toString()).isEqualTo("xieshang@example.org");

        // running the retry again sends nothing more
        runRetryJob();
        Thread.sleep(1500);
        assertThat(received(domain)).isEqualTo(expected);

        // a publication that completed but is handed to the listener again (Modulith may do so when a
        // resubmission races its completion) does not send the mail a second time
        int reopened = jdbc.update("update event_publication set completion_date = null, status = 'FAILED'"
                + " where listener_id = ? and serialized_event like ?", LISTENER, "%" + r.ownEmail() + "%");
        assertThat(reopened).isEqualTo(3);
        runRetryJob();
        await(Duration.ofSeconds(20), () -> incompletePublications(domain) == 0);
        Thread.sleep(1500);
        assertThat(received(domain)).isEqualTo(expected);
    }

    @Test
    void aRolledBackTransactionSendsNoMail() throws Exception {
        smtp = startSmtp();
        String domain = TestSupport.unique("rollback").toLowerCase() + ".test";
        Recipients r = recipients(domain);
        SystemActor.runAs(committee(), () -> tx.executeWithoutResult(status -> {
            notifications.toUsers(r.userIds(), Notice.of("proposal.notice.filed", "/proposals/7", "撤回的建议"));
            status.setRollbackOnly();
        }));
        // a committed notice afterwards is delivered: the rolled-back one, published earlier, would be too
        notify(List.of(r.ownUserId()), Notice.of("proposal.notice.filed", "/proposals/8", "保留的建议"));
        await(Duration.ofSeconds(20), () -> received(domain).size() == 1);
        Thread.sleep(1000);
        assertThat(received(domain)).isEqualTo(Map.of(r.ownEmail() + " | 【测试区政协】您的提案《保留的建议》已立案", 1L));
        assertThat(jdbc.queryForObject("select count(*) from mail_delivery where recipient like ?", Integer.class,
                "%@" + domain)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from event_publication where listener_id = ? and serialized_event like ?",
                Integer.class, LISTENER, "%撤回的建议%")).isZero();
        assertThat(r.ownAddress().get("/api/v1/notifications").json().path("items").values())
                .extracting(n -> n.path("text").asString()).containsExactly("您的提案《保留的建议》已立案");
    }

    @Test
    void aDeliveryAbandonedByAStoppedNodeIsTakenOverAfterTheClaimTimeout() throws Exception {
        String domain = TestSupport.unique("abandoned").toLowerCase() + ".test";
        Recipients r = recipients(domain);
        notify(List.of(r.ownUserId()), Notice.of("proposal.notice.filed", "/proposals/9", "中断的建议"));
        notify(List.of(r.staffUserId()), Notice.of("proposal.notice.filed", "/proposals/10", "中断的建议"));
        await(Duration.ofSeconds(20), () -> attempted(domain) == 2);
        // as a node leaves them when it stops: one resubmitted publication whose attempt never
        // concluded, one mail claimed for sending and never marked sent (both an hour ago)
        assertThat(jdbc.update("update event_publication set status = 'RESUBMITTED', last_resubmission_date = ?"
                + " where listener_id = ? and serialized_event like ?", java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                LISTENER, "%" + r.ownEmail() + "%")).isEqualTo(1);
        assertThat(jdbc.update("update mail_delivery set state = 'SENDING', claimed_at = ? where recipient = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(3600)), r.staffEmail())).isEqualTo(1);

        smtp = startSmtp();
        runRetryJob();
        await(Duration.ofSeconds(20), () -> incompletePublications(domain) == 0);
        Thread.sleep(1000);
        assertThat(received(domain)).isEqualTo(Map.of(
                r.ownEmail() + " | 【测试区政协】您的提案《中断的建议》已立案", 1L,
                r.staffEmail() + " | 【测试区政协】您的提案《中断的建议》已立案", 1L));
        assertThat(ledgerStates(domain)).isEqualTo(Map.of("SENT", 2L));
    }

    /** Four users: own address, member's address, staff with own address, and one without any. */
    record Recipients(long ownUserId, String ownEmail, Api ownAddress, long memberUserId, String memberEmail,
                      String memberName, long staffUserId, String staffEmail, Api withoutMail, long noMailUserId) {
        List<Long> userIds() {
            return List.of(ownUserId, memberUserId, staffUserId, noMailUserId);
        }
    }

    private Recipients recipients(String domain) {
        String own = "leader@" + domain;
        Map<String, Object> leader = Fixtures.userBody(admin, TestSupport.unique("mail-gov"), "LEADER_GOV");
        leader.put("email", own);
        Res leaderUser = admin.post("/api/v1/users", leader);
        assertThat(leaderUser.status()).as("%s", leaderUser).isEqualTo(201);
        assertThat(leaderUser.get("email")).isEqualTo(own);

        String memberEmail = "member@" + domain;
        String memberName = TestSupport.unique("委员");
        long memberId = Fixtures.created(admin.post("/api/v1/members", Map.of("name", memberName, "gender", "MALE",
                "sectorId", Fixtures.sector(admin), "email", memberEmail)));
        Map<String, Object> member = Fixtures.userBody(admin, TestSupport.unique("mail-member"), "MEMBER");
        member.put("memberId", memberId);
        member.put("displayName", memberName);
        Res memberUser = admin.post("/api/v1/users", member);
        assertThat(memberUser.status()).as("%s", memberUser).isEqualTo(201);

        String staffEmail = "staff@" + domain;
        Map<String, Object> staff = Fixtures.userBody(admin, TestSupport.unique("mail-staff"), "PROPOSAL_STAFF");
        staff.put("email", staffEmail);
        long staffId = Fixtures.created(admin.post("/api/v1/users", staff));

        Res noMail = Fixtures.user(admin, "LEADER_CPPCC");
        return new Recipients(leaderUser.id(), own, api.login(leaderUser.get("username"), Fixtures.USER_PASSWORD),
                memberUser.id(), memberEmail, memberName, staffId, staffEmail,
                api.login(noMail.get("username"), Fixtures.USER_PASSWORD), noMail.id());
    }

    private void notify(List<Long> userIds, Notice notice) {
        SystemActor.runAs(committee(), () -> tx.executeWithoutResult(s -> notifications.toUsers(userIds, notice)));
    }

    private Long committee() {
        return committees.all().get(0).id();
    }

    /** Runs the recurring retry job now, through db-scheduler, and waits until it has run. */
    private void runRetryJob() throws InterruptedException {
        TaskInstanceId job = TaskInstanceId.of("mail-retry", RecurringTask.INSTANCE);
        Instant before = Instant.now();
        await(Duration.ofSeconds(10), () -> {
            try {
                return scheduler.reschedule(job, Instant.now());
            } catch (RuntimeException currentlyRunning) {
                return false;
            }
        });
        await(Duration.ofSeconds(20), () -> {
            List<java.sql.Timestamp> last = jdbc.queryForList(
                    "select last_success from scheduled_tasks where task_name = 'mail-retry'", java.sql.Timestamp.class);
            return !last.isEmpty() && last.get(0) != null && last.get(0).toInstant().isAfter(before);
        });
    }

    private int attempted(String domain) {
        Integer n = jdbc.queryForObject("select coalesce(sum(attempts), 0) from mail_delivery where recipient like ?"
                + " and state = 'PENDING'", Integer.class, "%@" + domain);
        return n == null ? 0 : n;
    }

    private int incompletePublications(String domain) {
        Integer n = jdbc.queryForObject("select count(*) from event_publication where listener_id = ? and completion_date is null"
                + " and serialized_event like ?", Integer.class, LISTENER, "%@" + domain + "%");
        return n == null ? 0 : n;
    }

    private Map<String, Long> ledgerStates(String domain) {
        Map<String, Long> states = new HashMap<>();
        jdbc.query("select state, count(*) from mail_delivery where recipient like ? group by state",
                rs -> {
                    states.put(rs.getString(1), rs.getLong(2));
                }, "%@" + domain);
        return states;
    }

    /** Received mails to this domain, counted per recipient and subject. */
    private Map<String, Long> received(String domain) {
        List<String> keys = new ArrayList<>();
        try {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                for (var to : m.getRecipients(Message.RecipientType.TO)) {
                    if (to.toString().endsWith("@" + domain)) {
                        keys.add(to + " | " + m.getSubject());
                    }
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
    }

    private List<MimeMessage> messagesTo(String address) throws jakarta.mail.MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().equals(address)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
