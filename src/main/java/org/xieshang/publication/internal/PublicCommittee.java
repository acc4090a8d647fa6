package org.xieshang.publication.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.xieshang.committee.Committees;
import org.xieshang.committee.Committees.CommitteeView;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The committee (tenant) of a public request, which has no signed-in user to take it from: the
 * {@code committee} parameter (a committee id) when given, otherwise the installation's first
 * committee — an installation normally serves one committee. An unknown committee is 404.
 * A signed-in user reading the public pages reads them as the public does, whichever committee
 * they belong to.
 */
@Component
class PublicCommittee {

    private final Committees committees;

    PublicCommittee(Committees committees) {
        this.committees = committees;
    }

    CommitteeView resolve(String committee) {
        if (committee == null || committee.isBlank()) {
            return committees.all().stream().findFirst().orElseThrow(NotFound::new);
        }
        Long id = PublicIds.parse(committee.strip());
        return (id == null ? java.util.Optional.<CommitteeView>empty() : committees.find(id)).orElseThrow(NotFound::new);
    }

    /** Runs the work (which opens its own transaction) as the committee, so that tenant filtering applies. */
    <T> T callAs(CommitteeView committee, Supplier<T> work) {
        return CommitteeContext.callAs(committee.id(), work);
    }
}
