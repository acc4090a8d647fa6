package org.xieshang.proposal.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xieshang.proposal.internal.Step.Actor;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;

/** A proposal with its proposers and co-units, as one use case sees it. */
record ProposalCase(Proposal proposal, List<ProposalProposer> proposers, List<ProposalCoUnit> coUnits) {

    Long id() {
        return proposal.getId();
    }

    Optional<ProposalProposer> lead() {
        return proposers.stream().filter(p -> p.getRole() == ProposerRole.LEAD).findFirst();
    }

    Long leadMemberId() {
        return lead().map(ProposalProposer::getMemberId).orElse(null);
    }

    /** Proposers who stand behind the case (not declined co-signers). */
    List<ProposalProposer> activeProposers() {
        return proposers.stream().filter(p -> p.getConfirmation() != Confirmation.DECLINED).toList();
    }

    List<Long> activeProposerMemberIds() {
        return activeProposers().stream().map(ProposalProposer::getMemberId).toList();
    }

    Optional<ProposalProposer> proposer(Long memberId) {
        return memberId == null ? Optional.empty()
                : proposers.stream().filter(p -> p.getMemberId().equals(memberId)).findFirst();
    }

    Optional<ProposalCoUnit> coUnit(Long unitId) {
        return unitId == null ? Optional.empty() : coUnits.stream().filter(c -> c.getUnitId().equals(unitId)).findFirst();
    }

    /** How the user stands to this case; the state machine decides what that allows. */
    Set<Actor> actorsOf(CurrentUser user) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (ProposalScope.isStaff(user)) {
            actors.add(Actor.STAFF);
        }
        proposer(user.memberId()).ifPresent(p -> {
            if (p.getRole() == ProposerRole.LEAD) {
                actors.add(Actor.LEAD_PROPOSER);
            }
            if (p.getConfirmation() == Confirmation.PENDING) {
                actors.add(Actor.PENDING_COSIGNER);
            }
            if (p.getConfirmation() != Confirmation.DECLINED) {
                actors.add(Actor.PROPOSER);
            }
        });
        if (user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            if (user.unitId().equals(proposal.getLeadUnitId())) {
                actors.add(Actor.LEAD_UNIT);
            }
            if (coUnit(user.unitId()).isPresent()) {
                actors.add(Actor.CO_UNIT);
            }
        }
        return actors;
    }
}
