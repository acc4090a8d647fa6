package org.xieshang.liaison.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.committee.Committees;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberRole;
import org.xieshang.shared.SystemActor;
import org.xieshang.support.Api.Res;
import org.xieshang.support.ApiTestBase;

/**
 * Not a test (Surefire does not pick it up): the liaison API end to end for 300 liaisons and 3,000
 * members on H2 — generating the plan (planner, 3,000 pairs saved, each audited), reading it, its
 * compliance, and regenerating the draft. Run: {@code ./mvnw -B -q test -Dtest=PlanEndToEndBench}.
 */
class PlanEndToEndBench extends ApiTestBase {

    @Autowired
    MemberDirectory members;
    @Autowired
    ReferenceDataChanges reference;
    @Autowired
    Committees committees;
    @Autowired
    TransactionTemplate tx;

    @Test
    void planForThreeHundredLiaisonsAndThreeThousandMembers() {
        Long committee = committees.all().get(0).id();
        long start = System.nanoTime();
        SystemActor.runAs(committee, () -> tx.executeWithoutResult(s -> {
            long[] sectors = new long[30];
            for (int i = 0; i < sectors.length; i++) {
                sectors[i] = reference.createSector("基准界别" + i).id();
            }
            for (int i = 0; i < 3300; i++) {
                EnumSet<MemberRole> roles = EnumSet.of(i < 300 ? MemberRole.STANDING_COMMITTEE : MemberRole.MEMBER);
                members.register(new MemberData("基准委员" + i, Gender.MALE, null, null, null, sectors[i % 30], null, null,
                        null, null, null, roles));
            }
        }));
        System.out.printf("setup: 3,300 members in %.1f s%n", (System.nanoTime() - start) / 1e9);

        for (int year = 2010; year <= 2011; year++) {
            long t = System.nanoTime();
            Res plan = admin.post("/api/v1/liaison/plans", Map.of("year", year));
            double generate = (System.nanoTime() - t) / 1e6;
            assertThat(plan.status()).isEqualTo(201);
            assertThat(plan.json().path("groups")).hasSize(300);
            t = System.nanoTime();
            Res again = admin.post("/api/v1/liaison/plans", Map.of("year", year));
            double regenerate = (System.nanoTime() - t) / 1e6;
            assertThat(again.status()).isEqualTo(200);
            t = System.nanoTime();
            assertThat(admin.get("/api/v1/liaison/plans/" + year).status()).isEqualTo(200);
            double read = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            assertThat(admin.post("/api/v1/liaison/plans/" + year + "/confirm", Map.of()).status()).isEqualTo(200);
            double confirm = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            Res compliance = admin.get("/api/v1/liaison/plans/" + year + "/compliance");
            double comply = (System.nanoTime() - t) / 1e6;
            assertThat(compliance.json().path("pairs").asInt()).isEqualTo(3000);
            System.out.printf("%d: generate %.0f ms, regenerate %.0f ms, read %.0f ms, confirm %.0f ms, compliance %.0f ms,"
                    + " repeated pairs %d%n", year, generate, regenerate, read, confirm, comply,
                    again.json().path("repeatedPairs").asInt());
        }
    }
}
