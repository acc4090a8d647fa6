package org.xieshang.proposal.internal.handling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.ReferenceData;
import org.xieshang.proposal.ProposalEvents.ProposalClosed;
import org.xieshang.proposal.ProposalEvents.ProposalDueDateSet;
import org.xieshang.proposal.ProposalEvents.ProposalReplied;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Evaluation;
import org.xieshang.proposal.internal.HandlingMode;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalPart;
import org.xieshang.proposal.internal.ProposalScope;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.repository.EvaluationRepository;
import org.xieshang.proposal.internal.repository.HandlingRecordRepository;
import org.xieshang.proposal.internal.repository.PartRepository;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Split handling (分办, issue 15 point 2): every assigned unit replies for its own part; each part is
 * signed by its unit's head, reviewed by staff and rated by the proposers on its own; the case
 * stands where its least advanced part is and closes when every part is closed. Called by
 * {@link ProposalHandling} for split cases, inside its transactions.
 */
@Component
class SplitHandling {

    private final CaseSupport cases;
    private final PartRepository parts;
    private final HandlingRecordRepository records;
    private final EvaluationRepository evaluations;
    private final WorkingCalendar calendar;
    private final ReferenceData reference;

    SplitHandling(CaseSupport cases, PartRepository parts, HandlingRecordRepository records,
                  EvaluationRepository evaluations, WorkingCalendar calendar, ReferenceData reference) {
        this.cases = cases;
        this.parts = parts;
        this.records = records;
        this.evaluations = evaluations;
        this.calendar = calendar;
        this.reference = reference;
    }

    static boolean isSplit(Proposal p) {
        return p.getHandlingMode() == HandlingMode.SPLIT;
    }

    /** When the handling starts: one part per assigned unit, lead unit first. */
    void start(ProposalCase c) {
        Proposal p = c.proposal();
        if (!isSplit(p) || !parts.findByProposalIdOrderByIdAsc(p.getId()).isEmpty()) {
            return;
        }
        parts.save(new ProposalPart(p.getId(), p.getLeadUnitId()));
        for (ProposalCoUnit u : c.coUnits()) {
            parts.save(new ProposalPart(p.getId(), u.getUnitId()));
        }
    }

    /** The round a unit's handling record belongs to: its part's, in a split case. */
    int roundOf(Proposal p, Long unitId) {
        return isSplit(p) ? parts.findByProposalIdAndUnitId(p.getId(), unitId).map(ProposalPart::getReplyRound)
                .orElse(p.getReplyRound()) : p.getReplyRound();
    }

    /** A unit replies for its own part; naming another unit's part is refused (403). */
    void reply(ProposalCase c, Long unitId, String category, String text, boolean contactRequired, boolean signoffRequired) {
        ProposalPart part = ownPart(c, unitId, false);
        checkPart(part, Step.REPLY);
        if (contactRequired && !records.existsByProposalIdAndUnitIdAndTypeAndRound(c.id(), part.getUnitId(),
                HandlingType.PROPOSER_CONTACT, part.getReplyRound())) {
            throw new Conflict("proposal.replyNeedsContact");
        }
        boolean signed = !signoffRequired || CurrentUsers.require().has(Role.UNIT_HEAD);
        part.reply(category, text, signed);
        moved(c, "REPLY", unitName(part) + " " + category);
        if (signed) {
            cases.notifyStaff("proposal.notice.replySubmitted", c.proposal());
        } else {
            cases.notifyUnit(part.getUnitId(), "signoff.notice.toSign", c.proposal());
        }
    }

    /** The head of the part's unit signs its reply or returns it to the unit's handler. */
    void signOff(ProposalCase c, Long unitId, boolean approve, String why) {
        ProposalPart part = ownPart(c, unitId, true);
        checkPart(part, Step.SIGN_OFF_REPLY);
        if (part.isReplySignedOff()) {
            throw new Conflict("signoff.alreadySigned");
        }
        part.signOff(approve, why);
        moved(c, approve ? "SIGN_OFF_REPLY" : "RETURN_SIGNOFF", unitName(part) + (approve ? "" : "：" + why));
        if (approve) {
            cases.notifyStaff("proposal.notice.replySubmitted", c.proposal());
        } else {
            cases.notifyUnit(part.getUnitId(), "signoff.notice.returned", c.proposal());
        }
    }

    /** Staff approve or return one part's signed reply. */
    void review(ProposalCase c, Long unitId, boolean approve, String category, String why) {
        if (!ProposalScope.isStaff(CurrentUsers.require())) {
            throw new Forbidden();
        }
        ProposalPart part = namedPart(c, unitId);
        checkPart(part, approve ? Step.APPROVE_REPLY : Step.RETURN_REPLY);
        if (!part.isReplySignedOff()) {
            throw new Conflict("signoff.awaitingSignoff");
        }
        String finalCategory = category != null ? category : part.getReplyCategory();
        part.review(approve, finalCategory, cases.today());
        moved(c, approve ? "APPROVE_REPLY" : "RETURN_REPLY", unitName(part) + " " + (approve ? finalCategory : why));
        Proposal p = c.proposal();
        if (!approve) {
            cases.notifyUnit(part.getUnitId(), "proposal.notice.replyReturned", p);
            return;
        }
        cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.replied", p);
        if (p.getStatus() == ProposalStatus.REPLIED) {
            // every part has its approved reply: the case counts as replied (docs/signoff.md)
            cases.publish(new ProposalReplied(CommitteeContext.current(), p.getId(), p.getApprovedReplyCategory(),
                    p.getLeadUnitId(), cases.today()));
        }
    }

    /** A proposer rates one part's reply; the lead proposer's rating moves that part. */
    void evaluate(ProposalCase c, Long unitId, Rating attitude, Rating result, String comment) {
        // the case may still be in progress while this part is replied: only the part's state counts
        if (!c.actorsOf(CurrentUsers.require()).contains(Step.Actor.PROPOSER)) {
            throw new Forbidden();
        }
        ProposalPart part = namedPart(c, unitId);
        if (!Step.EVALUATE.startsFrom(part.getStatus()) || part.getReplyRound() == 0) {
            throw wrongState(part, Step.EVALUATE);
        }
        Long memberId = CurrentUsers.require().memberId();
        if (evaluations.existsByProposalIdAndMemberIdAndRoundAndUnitId(c.id(), memberId, part.getReplyRound(),
                part.getUnitId())) {
            throw new Conflict("proposal.alreadyRated");
        }
        boolean lead = memberId.equals(c.leadMemberId());
        if (lead && part.getStatus() != ProposalStatus.REPLIED) {
            throw new Conflict("proposal.alreadyRated");
        }
        evaluations.save(new Evaluation(c.id(), memberId, part.getReplyRound(), part.getUnitId(), attitude, result, comment));
        String note = unitName(part) + " " + attitude.name() + "/" + result.name();
        Proposal p = c.proposal();
        if (!lead) {
            cases.move(c, "EVALUATE", null, note);
            return;
        }
        boolean rehandle = result == Rating.UNSATISFIED && !part.isRehandled();
        part.rated(result == Rating.UNSATISFIED, cases.today());
        if (rehandle) {
            LocalDate due = calendar.addWorkingDays(cases.today().plusMonths(cases.settings().getRehandlingMonths()), 0);
            p.rehandle(due);
            note = note + " · " + due;
        }
        moved(c, "EVALUATE", note);
        if (rehandle) {
            cases.publish(new ProposalDueDateSet(CommitteeContext.current(), p.getId(), p.getDueDate()));
            cases.notifyUnit(part.getUnitId(), "proposal.notice.rehandling", p);
        } else {
            cases.notifyUnit(part.getUnitId(), "proposal.notice.closed", p);
        }
        if (p.getStatus() == ProposalStatus.CLOSED) {
            p.close(cases.today());
            cases.proposals().saveAndFlush(p);
            cases.publish(new ProposalClosed(CommitteeContext.current(), p.getId(), cases.today()));
        }
    }

    /** The part of the caller's unit; naming another unit's part, or having none, is 403. */
    private ProposalPart ownPart(ProposalCase c, Long unitId, boolean head) {
        CurrentUser user = CurrentUsers.require();
        boolean unitUser = user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD);
        if (!unitUser || (head && !user.has(Role.UNIT_HEAD)) || (unitId != null && !unitId.equals(user.unitId()))) {
            throw new Forbidden();
        }
        List<ProposalPart> all = parts.findByProposalIdOrderByIdAsc(c.id());
        if (all.isEmpty()) {
            // before the handling starts there are no parts: the state machine says why
            cases.check(c, head ? Step.SIGN_OFF_REPLY : Step.REPLY);
        }
        return all.stream().filter(p -> p.getUnitId().equals(user.unitId())).findFirst().orElseThrow(Forbidden::new);
    }

    /** The part staff or proposers name by its unit: required on a split case (400 when missing or unknown). */
    private ProposalPart namedPart(ProposalCase c, Long unitId) {
        if (unitId == null) {
            throw InvalidInput.field("unitId", "validation.required");
        }
        List<ProposalPart> all = parts.findByProposalIdOrderByIdAsc(c.id());
        if (all.isEmpty()) {
            throw new Conflict("proposal.wrongState", CaseSupport.status(c.proposal().getStatus()),
                    new DefaultMessageSourceResolvable("proposal.step." + Step.APPROVE_REPLY.name()));
        }
        return all.stream().filter(p -> p.getUnitId().equals(unitId)).findFirst()
                .orElseThrow(() -> InvalidInput.field("unitId", "split.validation.noPart"));
    }

    private static void checkPart(ProposalPart part, Step step) {
        if (!step.startsFrom(part.getStatus())) {
            throw wrongState(part, step);
        }
    }

    private static Conflict wrongState(ProposalPart part, Step step) {
        return new Conflict("proposal.wrongState", CaseSupport.status(part.getStatus()),
                new DefaultMessageSourceResolvable("proposal.step." + step.name()));
    }

    /** Saves the parts' change, sums them up on the case and moves it where its least advanced part is. */
    private void moved(ProposalCase c, String action, String note) {
        Proposal p = c.proposal();
        List<ProposalPart> all = parts.findByProposalIdOrderByIdAsc(c.id());
        parts.saveAll(all);
        ProposalPart lead = all.stream().filter(x -> x.getUnitId().equals(p.getLeadUnitId())).findFirst().orElse(all.get(0));
        List<String> working = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        LocalDate repliedOn = null;
        boolean allReplied = true;
        int round = 0;
        boolean signed = true;
        for (ProposalPart x : all) {
            if (x.getReplyContent() != null) {
                working.add("【" + unitName(x) + "】" + x.getReplyContent());
            }
            if (x.getApprovedReplyContent() != null) {
                approved.add("【" + unitName(x) + "】" + x.getApprovedReplyContent());
            }
            if (x.getRepliedOn() == null) {
                allReplied = false;
            } else if (repliedOn == null || x.getRepliedOn().isAfter(repliedOn)) {
                repliedOn = x.getRepliedOn();
            }
            round = Math.max(round, x.getReplyRound());
            signed &= x.getStatus() != ProposalStatus.REPLY_REVIEW || x.isReplySignedOff();
        }
        p.summarizeParts(lead.getReplyCategory(), working.isEmpty() ? null : String.join("\n\n", working), signed,
                lead.getApprovedReplyCategory(), approved.isEmpty() ? null : String.join("\n\n", approved),
                allReplied ? repliedOn : null, round);
        ProposalStatus to = ProposalPart.caseStatus(all);
        cases.move(c, action, Objects.equals(to, p.getStatus()) ? null : to, note);
    }

    private String unitName(ProposalPart part) {
        return reference.unit(part.getUnitId()).map(ReferenceData.UnitView::name).orElse("#" + part.getUnitId());
    }
}
