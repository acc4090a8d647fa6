package org.xieshang.setup;

import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.CommitteeLevel;
import org.xieshang.committee.Committees;
import org.xieshang.committee.Committees.CommitteeView;
import org.xieshang.identity.UserAccounts;
import org.xieshang.shared.Role;
import org.xieshang.shared.SystemActor;
import org.xieshang.shared.tenancy.CommitteeContext;

/** Creates a committee (tenant) ready for work: its calendar seeded and its first administrator. */
@Service
public class CommitteeProvisioning {

    private final Committees committees;
    private final WorkingCalendar calendar;
    private final UserAccounts users;
    private final TransactionTemplate tx;

    CommitteeProvisioning(Committees committees, WorkingCalendar calendar, UserAccounts users, TransactionTemplate tx) {
        this.committees = committees;
        this.calendar = calendar;
        this.users = users;
        this.tx = tx;
    }

    public CommitteeView provision(String name, String adminUsername, String adminPassword) {
        CommitteeView committee = CommitteeContext.callAsSystem(() -> committees.create(name, CommitteeLevel.COUNTY, null));
        SystemActor.runAs(committee.id(), () -> tx.executeWithoutResult(s -> {
            calendar.seedDefaults();
            users.create(new UserAccounts.NewUser(adminUsername, adminPassword, "系统管理员", EnumSet.of(Role.ADMIN), null, null));
        }));
        return committee;
    }
}
