package org.xieshang.keywork.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.bulletin.BulletinIssuer;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.keywork.DemoKeyWork;
import org.xieshang.proposal.DemoProposals;
import org.xieshang.proposal.ProposalCases;
import org.xieshang.shared.SystemActor;

@Component
class DemoKeyWorkLoader implements DemoKeyWork {

    private final KeyProposals keys;
    private final BulletinIssuer bulletins;
    private final ProposalCases cases;

    DemoKeyWorkLoader(KeyProposals keys, BulletinIssuer bulletins, ProposalCases cases) {
        this.keys = keys;
        this.bulletins = bulletins;
        this.cases = cases;
    }

    @Override
    @Transactional
    public void load(DemoProposals.Cast cast, DemoProposals.Played played) {
        Long key = played.inProgress();
        SystemActor.runAs(cast.staff(), () -> keys.mark(key, List.of(cast.govLeader().id()), List.of(cast.cppccLeader().id())));
        SystemActor.runAs(cast.cppccLeader(), () -> keys.supervise(key, SupervisionType.RESEARCH, cases.today(),
                "赴城关街道实地调研老旧小区加装电梯工作，听取居民和住建部门意见，要求年内出台补助办法。", "区政协主席、区住建局"));
        List<BulletinSubject> compiled = List.of(BulletinSubject.proposal(key), BulletinSubject.proposal(played.closed()));
        SystemActor.runAs(cast.staff(), () -> bulletins.issue(BulletinKind.KEY_POINTS, "提案要点：老旧小区加装电梯与农村污水治理",
                null, compiled, List.of(cast.govLeader().id(), cast.cppccLeader().id())));
    }
}
