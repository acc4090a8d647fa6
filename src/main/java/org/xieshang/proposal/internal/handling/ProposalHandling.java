package org.xieshang.proposal.internal.handling;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.proposal.ProposalEvents.ProposalAccepted;
import org.xieshang.proposal.ProposalEvents.ProposalClosed;
import org.xieshang.proposal.ProposalEvents.ProposalDueDateSet;
import org.xieshang.proposal.ProposalEvents.ProposalReplied;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Evaluation;
import org.xieshang.proposal.internal.HandlingRecord;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalSettings;
import org.xieshang.proposal.internal.ProposalText;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.repository.EvaluationRepository;
import org.xieshang.proposal.internal.repository.HandlingRecordRepository;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.tenancy.CommitteeContext;

/** The units' work and the proposers' verdict: accept, log, countersign, reply, review, rate, report done. */
@Service
@Transactional
public class ProposalHandling {

    private final CaseSupport cases;
    private final HandlingRecordRepository records;
    private final EvaluationRepository evaluations;
    private final WorkingCalendar calendar;
    private final ProposerContact contact;
    private final SplitHandling split;

    ProposalHandling(CaseSupport cases, HandlingRecordRepository records, EvaluationRepository evaluations,
                     WorkingCalendar calendar, ProposerContact contact, SplitHandling split) {
        this.split = split;
        this.cases = cases;
        this.records = records;
        this.evaluations = evaluations;
        this.calendar = calendar;
        this.contact = contact;
    }

    public void accept(Long id) {
        ProposalCase c = cases.openFor(id, Step.ACCEPT);
        c.proposal().accepted(cases.today());
        split.start(c);
        cases.move(c, "ACCEPT", ProposalStatus.IN_PROGRESS, null);
        announceAccepted(c.proposal());
    }

    /** The proposer-contact deadline starts now; the reminder module plans its reminder on this, in this transaction. */
    private void announceAccepted(Proposal p) {
        cases.publish(new ProposalAccepted(CommitteeContext.current(), p.getId(), p.getLeadUnitId(), contact.dueDate(p)));
    }

    /** A handling record by the lead unit or a co-unit; the lead unit's first one also starts the handling. */
    public void record(Long id, HandlingType type, LocalDate date, String content) {
        InvalidInput invalid = new InvalidInput();
        String text = cases.datedRecord(invalid, type, date, content);
        invalid.throwIfAny();
        ProposalCase c = cases.openFor(id, Step.RECORD_HANDLING);
        CurrentUser user = CurrentUsers.require();
        Proposal p = c.proposal();
        if (date.isBefore(p.getAssignedOn())) {
            throw InvalidInput.field("date", "proposal.validation.beforeAssignment", p.getAssignedOn());
        }
        boolean starts = p.getStatus() == ProposalStatus.ASSIGNED && user.unitId().equals(p.getLeadUnitId());
        if (starts) {
            p.accepted(cases.today());
            split.start(c);
        }
        records.save(new HandlingRecord(id, user.unitId(), type, date, text, split.roundOf(p, user.unitId()),
                user.displayName()));
        cases.move(c, "HANDLING_" + type.name(), starts ? ProposalStatus.IN_PROGRESS : null, abbreviate(text));
        if (starts) {
            announceAccepted(p);
        }
    }

    /** A co-unit's opinion to the lead unit (会签), never straight to the proposer. */
    public void coOpinion(Long id, String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.length() > ProposalText.TEXT_MAX) {
            throw InvalidInput.field("content", "validation.length", 1, ProposalText.TEXT_MAX);
        }
        ProposalCase c = cases.openFor(id, Step.CO_OPINION);
        ProposalCoUnit mine = c.coUnit(CurrentUsers.require().unitId()).orElseThrow();
        mine.giveOpinion(text);
        cases.coUnits().save(mine);
        cases.move(c, "CO_OPINION", null, abbreviate(text));
        cases.notifyUnit(c.proposal().getLeadUnitId(), "proposal.notice.coOpinion", c.proposal());
    }

    /** The lead unit's reply, to staff review; it needs contact with the proposer and every co-unit's opinion. */
    public void reply(Long id, String category, String content) {
        reply(id, null, category, content);
    }

    /** As above; in a split case the unit replies for its own part ({@code unitId}, if named, must be the caller's). */
    public void reply(Long id, Long unitId, String category, String content) {
        ProposalSettings settings = cases.settings();
        InvalidInput invalid = new InvalidInput();
        if (category == null || !settings.replyClasses().contains(category)) {
            invalid.add("category", "proposal.validation.replyClass", String.join("/", settings.replyClasses()));
        }
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.length() > ProposalText.TEXT_MAX) {
            invalid.add("content", "validation.length", 1, ProposalText.TEXT_MAX);
        }
        invalid.throwIfAny();
        if (splitCase(id)) {
            split.reply(cases.open(id), unitId, category, text, settings.isContactRequired(),
                    settings.isReplySignoffRequired());
            return;
        }
        ProposalCase c = cases.openFor(id, Step.REPLY);
        Proposal p = c.proposal();
        // the lead unit answers for the reply, so its own contact counts, not a co-unit's
        if (settings.isContactRequired() && !records.existsByProposalIdAndUnitIdAndTypeAndRound(id, p.getLeadUnitId(),
                HandlingType.PROPOSER_CONTACT, p.getReplyRound())) {
            throw new Conflict("proposal.replyNeedsContact");
        }
        if (c.coUnits().stream().anyMatch(u -> u.getOpinion() == null)) {
            throw new Conflict("proposal.replyNeedsCoOpinions");
        }
        // a unit head who writes the reply has signed it by doing so; a handler's waits for the head
        boolean signed = !settings.isReplySignoffRequired() || CurrentUsers.require().has(Role.UNIT_HEAD);
        p.reply(category, text, signed);
        cases.move(c, "REPLY", ProposalStatus.REPLY_REVIEW, category);
        if (signed) {
            cases.notifyStaff("proposal.notice.replySubmitted", p);
        } else {
            cases.notifyUnit(p.getLeadUnitId(), "signoff.notice.toSign", p);
        }
    }

    /**
     * The lead unit's head signs the reply — it goes on to staff review — or sends it back to the
     * handler with a reason (back to IN_PROGRESS, or REHANDLING while the case is rehandled).
     */
    public void signOff(Long id, Boolean approve, String reason) {
        signOff(id, null, approve, reason);
    }

    /** As above; in a split case the head signs the part of their own unit. */
    public void signOff(Long id, Long unitId, Boolean approve, String reason) {
        if (approve == null) {
            throw InvalidInput.field("approve", "validation.required");
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && (why.isEmpty() || why.length() > 4000)) {
            throw InvalidInput.field("reason", "validation.length", 1, 4000);
        }
        if (splitCase(id)) {
            split.signOff(cases.open(id), unitId, approve, why);
            return;
        }
        ProposalCase c = cases.openFor(id, Step.SIGN_OFF_REPLY);
        Proposal p = c.proposal();
        if (p.isReplySignedOff()) {
            throw new Conflict("signoff.alreadySigned");
        }
        p.signOff(approve, why);
        if (approve) {
            cases.move(c, "SIGN_OFF_REPLY", null, p.getReplyCategory());
            cases.notifyStaff("proposal.notice.replySubmitted", p);
            return;
        }
        cases.move(c, "RETURN_SIGNOFF", p.isRehandled() ? ProposalStatus.REHANDLING : ProposalStatus.IN_PROGRESS, why);
        cases.notifyUnit(p.getLeadUnitId(), "signoff.notice.returned", p);
    }

    /** Staff approve the reply (possibly changing its class) — the proposers are told — or send it back with a reason. */
    public void reviewReply(Long id, Boolean approve, String category, String reason) {
        reviewReply(id, null, approve, category, reason);
    }

    /** As above; in a split case staff review one part, named by its unit. */
    public void reviewReply(Long id, Long unitId, Boolean approve, String category, String reason) {
        if (approve == null) {
            throw InvalidInput.field("approve", "validation.required");
        }
        ProposalSettings settings = cases.settings();
        if (approve && category != null && !settings.replyClasses().contains(category)) {
            throw InvalidInput.field("category", "proposal.validation.replyClass", String.join("/", settings.replyClasses()));
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && (why.isEmpty() || why.length() > 4000)) {
            throw InvalidInput.field("reason", "validation.length", 1, 4000);
        }
        if (splitCase(id)) {
            split.review(cases.open(id), unitId, approve, category, why);
            return;
        }
        ProposalCase c = cases.openFor(id, approve ? Step.APPROVE_REPLY : Step.RETURN_REPLY);
        Proposal p = c.proposal();
        if (!p.isReplySignedOff()) {
            throw new Conflict("signoff.awaitingSignoff");
        }
        if (!approve) {
            // a rehandled case stays marked and counted as rehandled while its unit rewrites the reply
            cases.move(c, "RETURN_REPLY", p.isRehandled() ? ProposalStatus.REHANDLING : ProposalStatus.IN_PROGRESS, why);
            cases.notifyUnit(p.getLeadUnitId(), "proposal.notice.replyReturned", p);
            return;
        }
        String finalCategory = category != null ? category : p.getReplyCategory();
        String note = finalCategory.equals(p.getReplyCategory()) ? finalCategory : p.getReplyCategory() + " → " + finalCategory;
        p.approveReply(finalCategory, cases.today());
        cases.move(c, "APPROVE_REPLY", ProposalStatus.REPLIED, note);
        cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.replied", p);
        cases.publish(new ProposalReplied(CommitteeContext.current(), id, finalCategory, p.getLeadUnitId(), cases.today()));
    }

    /**
     * A proposer rates the latest reply, once. The lead proposer's rating moves the case: an
     * unsatisfied result the first time sends it back for rehandling, anything else closes it.
     */
    public void evaluate(Long id, Rating attitude, Rating result, String comment) {
        evaluate(id, null, attitude, result, comment);
    }

    /** As above; in a split case a proposer rates one part, named by its unit. */
    public void evaluate(Long id, Long unitId, Rating attitude, Rating result, String comment) {
        InvalidInput invalid = new InvalidInput();
        if (attitude == null) {
            invalid.add("attitude", "validation.required");
        }
        if (result == null) {
            invalid.add("result", "validation.required");
        }
        if (comment != null && comment.length() > 4000) {
            invalid.add("comment", "validation.length", 0, 4000);
        }
        invalid.throwIfAny();
        if (splitCase(id)) {
            split.evaluate(cases.open(id), unitId, attitude, result, comment == null ? null : comment.strip());
            return;
        }
        ProposalCase c = cases.openFor(id, Step.EVALUATE);
        Proposal p = c.proposal();
        Long memberId = CurrentUsers.require().memberId();
        int round = p.getReplyRound();
        if (evaluations.existsByProposalIdAndMemberIdAndRound(id, memberId, round)) {
            throw new Conflict("proposal.alreadyRated");
        }
        boolean lead = memberId.equals(c.leadMemberId());
        if (lead && p.getStatus() != ProposalStatus.REPLIED) {
            // the lead proposer's rating of this round already moved the case
            throw new Conflict("proposal.alreadyRated");
        }
        evaluations.save(new Evaluation(id, memberId, round, p.getLeadUnitId(), attitude, result,
                comment == null ? null : comment.strip()));
        String note = attitude.name() + "/" + result.name();
        if (!lead) {
            cases.move(c, "EVALUATE", null, note);
        } else if (result == Rating.UNSATISFIED && !p.isRehandled()) {
            LocalDate due = calendar.addWorkingDays(cases.today().plusMonths(cases.settings().getRehandlingMonths()), 0);
            p.rehandle(due);
            cases.move(c, "EVALUATE", ProposalStatus.REHANDLING, note + " · " + due);
            cases.publish(new ProposalDueDateSet(CommitteeContext.current(), id, p.getDueDate()));
            cases.notifyUnit(p.getLeadUnitId(), "proposal.notice.rehandling", p);
        } else {
            p.close(cases.today());
            cases.move(c, "EVALUATE", ProposalStatus.CLOSED, note);
            cases.notifyUnit(p.getLeadUnitId(), "proposal.notice.closed", p);
            cases.publish(new ProposalClosed(CommitteeContext.current(), id, cases.today()));
        }
    }

    /** After a B reply (being solved / planned), the lead unit reports the matter done. */
    public void reportImplemented(Long id, String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw InvalidInput.field("content", "validation.length", 1, 4000);
        }
        ProposalCase c = cases.openFor(id, Step.REPORT_IMPLEMENTED);
        Proposal p = c.proposal();
        if (!"B".equals(p.getApprovedReplyCategory())) {
            throw new Conflict("proposal.implementationOnlyForB");
        }
        if (p.getImplementedOn() != null) {
            throw new Conflict("proposal.alreadyImplemented");
        }
        p.implemented(cases.today(), text);
        cases.move(c, "REPORT_IMPLEMENTED", null, abbreviate(text));
        cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.implemented", p);
    }

    /** Whether the case is split handled (its visibility is checked by the use case that opens it). */
    private boolean splitCase(Long id) {
        return id != null && cases.proposals().findById(id).map(SplitHandling::isSplit).orElse(false);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
