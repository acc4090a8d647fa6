package org.xieshang.proposal.internal.submission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.proposal.ProposalEvents.ProposalSubmitted;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposalText;
import org.xieshang.proposal.internal.ProposerKind;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.proposal.internal.Step;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.tenancy.CommitteeContext;

/** From a member's pen to a submitted case: drafts, joint proposals and co-signing, collective proposals, withdrawal. */
@Service
@Transactional
public class ProposalSubmission {

    private final CaseSupport cases;
    private final ReferenceData reference;
    private final MemberDirectory members;

    ProposalSubmission(CaseSupport cases, ReferenceData reference, MemberDirectory members) {
        this.cases = cases;
        this.reference = reference;
        this.members = members;
    }

    /** A member's draft; the caller's member is the lead proposer, the named members are asked to co-sign on submission. */
    public Long draft(ProposalText input, List<Long> coSignerMemberIds) {
        CurrentUser user = CurrentUsers.requireAny(Role.MEMBER);
        // a member who resigned, was persuaded to resign or removed proposes no more (issue 12)
        if (user.memberId() == null || members.find(user.memberId()).filter(m -> m.status().isServing()).isEmpty()) {
            throw new Forbidden();
        }
        ProposalText text = input.normalized();
        InvalidInput invalid = text.check(cases.settings(), reference);
        List<Long> coSigners = checkCoSigners(invalid, coSignerMemberIds, user.memberId());
        invalid.throwIfAny();
        Proposal p = cases.proposals().save(new Proposal(text.sessionId(), text.title(), text.background(),
                text.suggestions(), text.category(), coSigners.isEmpty() ? ProposerKind.INDIVIDUAL : ProposerKind.JOINT,
                null, Boolean.TRUE.equals(text.duringPlenary())));
        cases.proposers().save(new ProposalProposer(p.getId(), user.memberId(), ProposerRole.LEAD, Confirmation.ACCEPTED, null));
        for (Long m : coSigners) {
            cases.proposers().save(new ProposalProposer(p.getId(), m, ProposerRole.COSIGNER, Confirmation.PENDING, null));
        }
        ProposalCase c = cases.open(p.getId());
        cases.move(c, "CREATE", null, null);
        return p.getId();
    }

    /**
     * A draft for a member from a proposal lead heard during a liaison contact (system work):
     * the member finds it among their drafts, completes it and submits it.
     */
    Long draftFromLead(Long memberId, String lead) {
        String text = lead == null ? "" : lead.strip();
        if (memberId == null || text.isEmpty() || members.find(memberId).filter(m -> m.status().isServing()).isEmpty()) {
            return null;
        }
        Long sessionId = reference.sessions().stream().findFirst().map(ReferenceData.SessionView::id).orElse(null);
        if (sessionId == null) {
            return null;
        }
        String title = text.length() <= 60 ? text : text.substring(0, 59) + "…";
        List<String> categories = cases.settings().categories();
        Proposal p = cases.proposals().save(new Proposal(sessionId, "（联系委员线索）" + title, text, "（待完善）",
                categories.contains("其他") ? "其他" : categories.get(categories.size() - 1), ProposerKind.INDIVIDUAL, null, false));
        cases.proposers().save(new ProposalProposer(p.getId(), memberId, ProposerRole.LEAD, Confirmation.ACCEPTED, null));
        cases.move(new ProposalCase(p, cases.proposers().findByProposalIdOrderByIdAsc(p.getId()), List.of()),
                "CREATE_FROM_LIAISON_LEAD", null, null);
        cases.notifyMembers(List.of(memberId), "proposal.notice.draftFromLead", p);
        return p.getId();
    }

    /** The lead proposer edits the draft; the co-signers may be changed until submission. */
    public void edit(Long id, ProposalText input, List<Long> coSignerMemberIds) {
        ProposalCase c = cases.openFor(id, Step.EDIT);
        ProposalText text = input.normalized();
        InvalidInput invalid = text.check(cases.settings(), reference);
        List<Long> coSigners = coSignerMemberIds == null ? null : checkCoSigners(invalid, coSignerMemberIds, c.leadMemberId());
        invalid.throwIfAny();
        c.proposal().edit(text.sessionId(), text.title(), text.background(), text.suggestions(), text.category(),
                Boolean.TRUE.equals(text.duringPlenary()));
        if (coSigners != null) {
            for (ProposalProposer p : c.proposers()) {
                if (p.getRole() == ProposerRole.COSIGNER && !coSigners.contains(p.getMemberId())) {
                    cases.proposers().delete(p);
                }
            }
            for (Long m : coSigners) {
                if (c.proposer(m).isEmpty()) {
                    cases.proposers().save(new ProposalProposer(id, m, ProposerRole.COSIGNER, Confirmation.PENDING, null));
                }
            }
            c.proposal().changeKind(coSigners.isEmpty() ? ProposerKind.INDIVIDUAL : ProposerKind.JOINT);
        }
        cases.move(c, "EDIT", null, null);
    }

    public void submit(Long id) {
        ProposalCase c = cases.openFor(id, Step.SUBMIT);
        if (members.find(c.leadMemberId()).filter(m -> m.status().isServing()).isEmpty()) {
            throw new Forbidden(); // a draft left by a member who no longer serves (issue 12)
        }
        boolean waiting = c.proposers().stream().anyMatch(p -> p.getConfirmation() == Confirmation.PENDING);
        if (waiting) {
            cases.move(c, "SUBMIT", ProposalStatus.AWAITING_COSIGNERS, null);
            List<Long> pending = c.proposers().stream().filter(p -> p.getConfirmation() == Confirmation.PENDING)
                    .map(ProposalProposer::getMemberId).toList();
            cases.notifyMembers(pending, "proposal.notice.cosignRequested", c.proposal());
        } else {
            submitted(c, "SUBMIT");
        }
    }

    /** A named co-signer accepts, or declines and is removed; when all have answered the case is submitted. */
    public void cosign(Long id, Boolean accept) {
        if (accept == null) {
            throw InvalidInput.field("accept", "validation.required");
        }
        ProposalCase c = cases.openFor(id, Step.COSIGN);
        ProposalProposer me = c.proposer(CurrentUsers.require().memberId()).orElseThrow(Forbidden::new);
        if (me.getConfirmation() != Confirmation.PENDING) {
            // a co-signer answers once; a second answer is a conflict, not a lack of permission
            throw new Conflict("proposal.alreadyCosigned");
        }
        List<ProposalProposer> remaining = new ArrayList<>(c.proposers());
        if (accept) {
            me.confirm(Confirmation.ACCEPTED);
            cases.proposers().save(me);
        } else {
            cases.proposers().delete(me);
            remaining.remove(me);
        }
        cases.move(c, accept ? "COSIGN_ACCEPT" : "COSIGN_DECLINE", null, null);
        if (remaining.stream().noneMatch(p -> p.getConfirmation() == Confirmation.PENDING)) {
            boolean joint = remaining.stream().anyMatch(p -> p.getRole() == ProposerRole.COSIGNER);
            c.proposal().changeKind(joint ? ProposerKind.JOINT : ProposerKind.INDIVIDUAL);
            submitted(new ProposalCase(c.proposal(), remaining, c.coUnits()), "ALL_COSIGNED");
        }
    }

    public void withdraw(Long id, String reason) {
        ProposalCase c = cases.openFor(id, Step.WITHDRAW);
        cases.move(c, "WITHDRAW", ProposalStatus.WITHDRAWN, reason);
    }

    /** A collective proposal (集体提案) entered by staff in the name of a sector, party group or special committee. */
    public Long collective(ProposalText input, String collectiveName, Long convenerMemberId) {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        ProposalText text = input.normalized();
        InvalidInput invalid = text.check(cases.settings(), reference);
        String name = collectiveName == null ? "" : collectiveName.strip();
        if (name.isEmpty() || name.length() > 100) {
            invalid.add("collectiveName", "validation.length", 1, 100);
        }
        if (convenerMemberId == null) {
            invalid.add("convenerMemberId", "validation.required");
        } else if (members.find(convenerMemberId).filter(m -> m.status().isServing()).isEmpty()) {
            invalid.add("convenerMemberId", "validation.unknownMember");
        }
        invalid.throwIfAny();
        Proposal p = cases.proposals().save(new Proposal(text.sessionId(), text.title(), text.background(),
                text.suggestions(), text.category(), ProposerKind.COLLECTIVE, name, Boolean.TRUE.equals(text.duringPlenary())));
        ProposalProposer convener = cases.proposers().save(new ProposalProposer(p.getId(), convenerMemberId,
                ProposerRole.LEAD, Confirmation.ACCEPTED, null));
        // not through cases.open(): staff do not see drafts, and this one is a draft only for this moment
        ProposalCase c = new ProposalCase(p, List.of(convener), List.of());
        cases.move(c, "CREATE_COLLECTIVE", null, name);
        submitted(c, "SUBMIT");
        return p.getId();
    }

    private void submitted(ProposalCase c, String action) {
        cases.move(c, action, ProposalStatus.SUBMITTED, null);
        c.proposal().submitted(cases.today());
        cases.notifyStaff("proposal.notice.submitted", c.proposal());
        List<Long> coSigners = c.activeProposers().stream().filter(p -> p.getRole() == ProposerRole.COSIGNER)
                .map(ProposalProposer::getMemberId).toList();
        cases.publish(new ProposalSubmitted(CommitteeContext.current(), c.id(), c.leadMemberId(), coSigners,
                cases.today(), c.proposal().getProposerKind() == ProposerKind.COLLECTIVE));
    }

    private List<Long> checkCoSigners(InvalidInput invalid, List<Long> ids, Long leadMemberId) {
        if (ids == null) {
            return List.of();
        }
        Set<Long> distinct = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id == null || id.equals(leadMemberId)) {
                invalid.add("coSignerMemberIds", "proposal.validation.coSignerSelf");
                continue;
            }
            MemberSummary m = members.find(id).orElse(null);
            if (m == null || !m.status().isServing()) {
                invalid.add("coSignerMemberIds", "validation.unknownMember");
                continue;
            }
            distinct.add(id);
        }
        if (distinct.size() > 50) {
            invalid.add("coSignerMemberIds", "proposal.validation.tooManyCoSigners", 50);
        }
        return new ArrayList<>(distinct);
    }
}
