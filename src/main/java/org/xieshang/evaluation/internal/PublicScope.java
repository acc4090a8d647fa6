package org.xieshang.evaluation.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.xieshang.committee.Committees;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * The committee of a request that may come without sign-in (published results, ballot codes): the
 * signed-in user's; otherwise the {@code committee} parameter, or the installation's first committee
 * (as the public proposal pages do); for a ballot code, the code's own committee.
 */
@Component
class PublicScope {

    private final Committees committees;
    private final BallotBox box;

    PublicScope(Committees committees, BallotBox box) {
        this.committees = committees;
        this.box = box;
    }

    <T> T call(String committee, Supplier<T> work) {
        if (CurrentUsers.current().isPresent()) {
            return work.get();
        }
        Long id;
        if (committee == null || committee.isBlank()) {
            id = committees.all().stream().findFirst().orElseThrow(NotFound::new).id();
        } else {
            try {
                id = Long.parseLong(committee.strip());
            } catch (NumberFormatException e) {
                throw new NotFound();
            }
            committees.find(id).orElseThrow(NotFound::new);
        }
        return CommitteeContext.callAs(id, work);
    }

    /** Runs the work as the committee the code belongs to; an unknown code is 404. */
    <T> T byCode(String code, Supplier<T> work) {
        Long id = box.committeeOfCode(EvaluationService.normalise(code)).orElseThrow(NotFound::new);
        Long mine = CurrentUsers.current().map(u -> u.committeeId()).orElse(null);
        if (mine != null && !mine.equals(id)) {
            throw new NotFound();
        }
        return CommitteeContext.callAs(id, work);
    }
}
