package org.xieshang.proposal.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xieshang.proposal.internal.Step.Actor;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Role;

/** A proposal with its proposers and co-units, as one use case sees it. */
public record ProposalCase(Proposal proposal, List<ProposalProposer> proposers, List<ProposalCoUnit> coUnits) {

    public Long id() {
        return proposal.getId();
    }

    Optional<ProposalProposer> lead() {
        return proposers.stream().filter(p -> p.getRole() == ProposerRole.LEAD).findFirst();
    }

    public Long leadMemberId() {
        return lead().map(ProposalProposer::getMemberId).orElse(null);
    }

    /** Proposers who stand behind the case (not declined co-signers). */
    public List<ProposalProposer> activeProposers() {
        return proposers.stream().filter(p -> p.getConfirmation() != Confirmation.DECLINED).toList();
    }

    public List<Long> activeProposerMemberIds() {
        return activeProposers().stream().map(ProposalProposer::getMemberId).toList();
    }

    public Optional<ProposalProposer> proposer(Long memberId) {
        return memberId == null ? Optional.empty()
                : proposers.stream().filter(p -> p.getMemberId().equals(memberId)).findFirst();
    }

    public Optional<ProposalCoUnit> coUnit(Long unitId) {
        return unitId == null ? Optional.empty() : coUnits.stream().filter(c -> c.getUnitId().equals(unitId)).findFirst();
    }

    /** How the user stands to this case; the state machine decides what that allows. */
    public Set<Actor> actorsOf(CurrentUser user) {
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        if (ProposalScope.isStaff(user)) {
            actors.add(Actor.STAFF);
        }
        proposer(user.memberId()).ifPresent(p -> {
            if (p.getRole() == ProposerRole.LEAD) {
                actors.add(Actor.LEAD_PROPOSER);
            }
            if (p.getRole() == ProposerRole.COSIGNER) {
                actors.add(Actor.COSIGNER);
            }
            if (p.getConfirmation() != Confirmation.DECLINED) {
                actors.add(Actor.PROPOSER);
            }
        });
        if (user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            if (user.unitId().equals(proposal.getLeadUnitId())) {
                actors.add(Actor.LEAD_UNIT);
                if (user.has(Role.UNIT_HEAD)) {
                    actors.add(Actor.LEAD_UNIT_HEAD);
                }
            }
            if (coUnit(user.unitId()).isPresent()) {
                actors.add(Actor.CO_UNIT);
            }
        }
        return actors;
    }

    /**
     * The steps the state machine lets this user take now, from the case's state and how the user
     * stands to it. A use case may still refuse one on a rule of its own (a rating given, a window passed).
     */
    public Set<Step> stepsOf(CurrentUser user) {
        Set<Actor> actors = actorsOf(user);
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (Step step : Step.values()) {
            if (step.allowsAnyOf(actors) && step.startsFrom(proposal.getStatus())) {
                steps.add(step);
            }
        }
        return steps;
    }
}
