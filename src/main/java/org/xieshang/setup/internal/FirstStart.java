package org.xieshang.setup.internal;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xieshang.committee.Committees;
import org.xieshang.committee.Committees.CommitteeView;
import org.xieshang.setup.CommitteeProvisioning;

/**
 * On first start with an empty database: the committee named by XIESHANG_COMMITTEE_NAME and the
 * user {@code admin} (password from XIESHANG_ADMIN_PASSWORD, or generated and printed once);
 * with XIESHANG_DEMO=true, the demo committee as well: its people, reference data and proposal work.
 */
@Component
@Order(1)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final Committees committees;
    private final CommitteeProvisioning provisioning;
    private final DemoCommittee demo;
    private final SeedingHealth seeding;
    private final RepositoryWarmUp warmUp;
    private final String committeeName;
    private final String adminPassword;
    private final boolean loadDemo;

    FirstStart(Committees committees, CommitteeProvisioning provisioning, DemoCommittee demo, SeedingHealth seeding,
               RepositoryWarmUp warmUp,
               @Value("${xieshang.committee-name}") String committeeName,
               @Value("${xieshang.admin-password:}") String adminPassword,
               @Value("${xieshang.demo:false}") boolean loadDemo) {
        this.committees = committees;
        this.provisioning = provisioning;
        this.demo = demo;
        this.seeding = seeding;
        this.warmUp = warmUp;
        this.committeeName = committeeName;
        this.adminPassword = adminPassword;
        this.loadDemo = loadDemo;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
        // only now may health and readiness say UP: a sign-in right after them must work
        seeding.done();
    }

    private void seed() {
        if (committees.count() > 0) {
            return;
        }
        // the seeding, the demo's above all, uses most repositories: have them made meanwhile on another core
        warmUp.start();
        String password = adminPassword;
        if (password == null || password.isBlank()) {
            password = generated();
            log.warn("First start: created user 'admin' with the generated password {} — change it after signing in."
                    + " (Set XIESHANG_ADMIN_PASSWORD to choose it.)", password);
        }
        CommitteeView committee = provisioning.provision(committeeName, "admin", password);
        log.info("First start: committee '{}' (id {}) created", committee.name(), committee.id());
        if (loadDemo) {
            demo.load(committee.id());
        }
    }

    private static String generated() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
