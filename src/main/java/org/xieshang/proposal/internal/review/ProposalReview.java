package org.xieshang.proposal.internal.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.calendar.WorkingCalendar;
import org.xieshang.committee.ReferenceData;
import org.xieshang.proposal.ProposalEvents.ProposalConverted;
import org.xieshang.proposal.ProposalEvents.ProposalDueDateSet;
import org.xieshang.proposal.ProposalEvents.ProposalFiled;
import org.xieshang.proposal.ProposalEvents.ProposalMerged;
import org.xieshang.proposal.ProposalEvents.ProposalNotFiled;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.Confirmation;
import org.xieshang.proposal.internal.ConversionKind;
import org.xieshang.proposal.internal.HandlingMode;
import org.xieshang.proposal.internal.Proposal;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalConversion;
import org.xieshang.proposal.internal.ProposalProposer;
import org.xieshang.proposal.internal.ProposalSettings;
import org.xieshang.proposal.internal.ProposerRole;
import org.xieshang.proposal.internal.ReassignmentRequest;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.repository.ConversionRepository;
import org.xieshang.proposal.internal.repository.ReassignmentRequestRepository;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/** The proposal office's decisions: file or not, convert, merge, assign and re-assign, extend, publish. */
@Service
@Transactional
public class ProposalReview {

    public enum Decision { FILE, NOT_FILE }

    private final CaseSupport cases;
    private final ReferenceData reference;
    private final WorkingCalendar calendar;
    private final ReassignmentRequestRepository reassignments;
    private final ConversionRepository conversions;

    ProposalReview(CaseSupport cases, ReferenceData reference, WorkingCalendar calendar,
                   ReassignmentRequestRepository reassignments, ConversionRepository conversions) {
        this.cases = cases;
        this.reference = reference;
        this.calendar = calendar;
        this.reassignments = reassignments;
        this.conversions = conversions;
    }

    /** FILE gives the next number of the session; NOT_FILE needs one of the configured grounds. */
    public void review(Long id, Decision decision, String reason, String ground) {
        if (decision == null) {
            throw InvalidInput.field("decision", "validation.required");
        }
        String note = reason == null ? null : reason.strip();
        if (note != null && note.length() > 2000) {
            throw InvalidInput.field("reason", "validation.length", 0, 2000);
        }
        ProposalSettings settings = cases.settings();
        if (decision == Decision.NOT_FILE) {
            String g = ground == null ? null : ground.strip();
            if (g == null || g.isEmpty()) {
                // API.md carries the ground in "reason"; a listed ground there is accepted as the ground
                g = note != null && settings.notFiledGrounds().contains(note) ? note : null;
            }
            if (g == null || !settings.notFiledGrounds().contains(g)) {
                throw InvalidInput.field(ground == null ? "reason" : "ground", "proposal.validation.ground",
                        String.join("、", settings.notFiledGrounds()));
            }
            ProposalCase c = cases.openFor(id, Step.NOT_FILE);
            c.proposal().notFile(g, note);
            cases.move(c, "NOT_FILE", ProposalStatus.NOT_FILED, g + (note == null || note.equals(g) ? "" : "：" + note));
            cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.notFiled", c.proposal());
            cases.publish(new ProposalNotFiled(CommitteeContext.current(), id, g));
            return;
        }
        ProposalCase c = cases.openFor(id, Step.FILE);
        int seq = cases.nextNumber(c.proposal().getSessionId());
        String number = settings.formatNumber(seq);
        c.proposal().file(seq, number, note);
        cases.move(c, "FILE", ProposalStatus.FILED, note == null ? number : number + "：" + note);
        cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.filed", c.proposal());
        cases.publish(new ProposalFiled(CommitteeContext.current(), id, number, c.activeProposerMemberIds(), cases.today()));
    }

    /** A not-filed text kept as a social-conditions report, or a member letter forwarded to a unit. */
    public void convert(Long id, ConversionKind kind, Long unitId, String note) {
        if (kind == null) {
            throw InvalidInput.field("kind", "validation.required");
        }
        if (kind == ConversionKind.MEMBER_LETTER && (unitId == null || !reference.unitExists(unitId))) {
            throw InvalidInput.field("unitId", unitId == null ? "validation.required" : "validation.unknownUnit");
        }
        ProposalCase c = cases.openFor(id, Step.CONVERT);
        if (conversions.findByProposalId(id).isPresent()) {
            throw new Conflict("proposal.alreadyConverted");
        }
        conversions.save(new ProposalConversion(id, kind, kind == ConversionKind.MEMBER_LETTER ? unitId : null, note));
        cases.move(c, "CONVERT_" + kind.name(), null, note);
        Proposal p = c.proposal();
        cases.publish(new ProposalConverted(CommitteeContext.current(), id, kind.name(), c.leadMemberId(), p.getTitle(),
                p.getBackground() + "\n\n" + p.getSuggestions(), unitId));
        if (kind == ConversionKind.MEMBER_LETTER) {
            cases.notifyUnit(unitId, "proposal.notice.letterForwarded", p);
        }
    }

    /** Merges this case into another; its proposers join the target case and will rate its reply. */
    public void merge(Long id, Long intoId) {
        if (intoId == null) {
            throw InvalidInput.field("intoId", "validation.required");
        }
        if (intoId.equals(id)) {
            throw InvalidInput.field("intoId", "proposal.validation.mergeSelf");
        }
        ProposalCase c = cases.openFor(id, Step.MERGE);
        ProposalCase target;
        try {
            target = cases.open(intoId);
        } catch (NotFound notFound) {
            throw InvalidInput.field("intoId", "proposal.validation.mergeTarget");
        }
        ProposalStatus ts = target.proposal().getStatus();
        if (!List.of(ProposalStatus.SUBMITTED, ProposalStatus.FILED, ProposalStatus.ASSIGNED, ProposalStatus.IN_PROGRESS)
                .contains(ts)) {
            throw new Conflict("proposal.mergeTargetState", CaseSupport.status(ts));
        }
        for (ProposalProposer p : c.activeProposers()) {
            if (target.proposer(p.getMemberId()).isEmpty()) {
                cases.proposers().save(new ProposalProposer(intoId, p.getMemberId(), ProposerRole.COSIGNER,
                        Confirmation.ACCEPTED, id));
            }
        }
        c.proposal().mergeInto(intoId);
        cases.move(c, "MERGE", ProposalStatus.MERGED, "→ #" + intoId);
        cases.move(target, "MERGE_IN", null, "← #" + id + " " + c.proposal().getTitle());
        cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.merged", c.proposal());
        cases.publish(new ProposalMerged(CommitteeContext.current(), id, intoId));
    }

    /** Assigns (or re-assigns) handling units and the due date; a former unit loses access. */
    public void assign(Long id, HandlingMode mode, Long leadUnitId, List<Long> coUnitIds, LocalDate dueDate) {
        InvalidInput invalid = new InvalidInput();
        if (leadUnitId == null) {
            invalid.add("leadUnitId", "validation.required");
        } else if (!reference.unitAssignable(leadUnitId)) {
            invalid.add("leadUnitId", "refdata.unitNotAssignable");
        }
        List<Long> coUnits = new ArrayList<>(new LinkedHashSet<>(coUnitIds == null ? List.of() : coUnitIds));
        for (Long u : coUnits) {
            if (u == null || !reference.unitAssignable(u)) {
                invalid.add("coUnitIds", "refdata.unitNotAssignable");
            } else if (u.equals(leadUnitId)) {
                invalid.add("coUnitIds", "proposal.validation.coUnitIsLead");
            }
        }
        HandlingMode effective = mode != null ? mode : coUnits.isEmpty() ? HandlingMode.SOLE : HandlingMode.JOINT;
        if (effective == HandlingMode.SOLE && !coUnits.isEmpty()) {
            invalid.add("handlingMode", "proposal.validation.soleWithCoUnits");
        }
        if (effective != HandlingMode.SOLE && coUnits.isEmpty()) {
            invalid.add("coUnitIds", "proposal.validation.coUnitsRequired");
        }
        LocalDate today = cases.today();
        ProposalSettings settings = cases.settings();
        LocalDate due = dueDate != null ? dueDate : calendar.addWorkingDays(today.plusMonths(settings.getDueMonths()), 0);
        if (dueDate != null && (!dueDate.isAfter(today) || dueDate.isAfter(today.plusMonths(settings.getMaxDueMonths())))) {
            invalid.add("dueDate", "proposal.validation.dueDate", settings.getMaxDueMonths());
        }
        invalid.throwIfAny();
        ProposalCase c = cases.openFor(id, Step.ASSIGN);
        boolean reassign = c.proposal().getStatus() == ProposalStatus.ASSIGNED;
        Long formerLead = c.proposal().getLeadUnitId();
        for (ProposalCoUnit old : c.coUnits()) {
            cases.coUnits().delete(old);
        }
        // Hibernate inserts before it deletes: flush the removals so a unit kept as co-unit can be added again
        cases.coUnits().flush();
        for (Long u : coUnits) {
            cases.coUnits().save(new ProposalCoUnit(id, u));
        }
        reassignments.findByProposalIdOrderByIdAsc(id).forEach(r -> {
            r.resolve();
            reassignments.save(r);
        });
        c.proposal().assign(effective, leadUnitId, today, due);
        cases.move(c, reassign ? "REASSIGN" : "ASSIGN", ProposalStatus.ASSIGNED,
                reference.unit(leadUnitId).map(ReferenceData.UnitView::name).orElse("") + " · " + due);
        cases.publish(new ProposalDueDateSet(CommitteeContext.current(), id, c.proposal().getDueDate()));
        cases.notifyUnit(leadUnitId, "proposal.notice.assigned", c.proposal());
        for (Long u : coUnits) {
            cases.notifyUnit(u, "proposal.notice.assignedCoUnit", c.proposal());
        }
        if (!reassign || !leadUnitId.equals(formerLead)) {
            cases.notifyMembers(c.activeProposerMemberIds(), "proposal.notice.assignedToProposer", c.proposal());
        }
    }

    /** The lead unit objects to the assignment within the configured working days (退办). */
    public void requestReassignment(Long id, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 4000) {
            throw InvalidInput.field("reason", "validation.length", 1, 4000);
        }
        ProposalCase c = cases.openFor(id, Step.REQUEST_REASSIGNMENT);
        int window = cases.settings().getReassignmentWorkingDays();
        if (calendar.workingDaysBetween(c.proposal().getAssignedOn(), cases.today()) > window) {
            throw new Conflict("proposal.reassignmentTooLate", window);
        }
        boolean open = reassignments.findByProposalIdOrderByIdAsc(id).stream().anyMatch(r -> r.getResolvedAt() == null);
        if (open) {
            throw new Conflict("proposal.reassignmentPending");
        }
        reassignments.save(new ReassignmentRequest(id, CurrentUsers.require().unitId(), why));
        cases.move(c, "REQUEST_REASSIGNMENT", null, why);
        cases.notifyStaff("proposal.notice.reassignmentRequested", c.proposal());
    }

    /** Staff extend the due date, up to the configured maximum after assignment. */
    public void extendDue(Long id, LocalDate dueDate, String reason) {
        if (dueDate == null) {
            throw InvalidInput.field("dueDate", "validation.required");
        }
        ProposalCase c = cases.openFor(id, Step.EXTEND_DUE);
        ProposalSettings settings = cases.settings();
        LocalDate max = c.proposal().getAssignedOn().plusMonths(settings.getMaxDueMonths());
        if (!dueDate.isAfter(c.proposal().getDueDate()) || dueDate.isAfter(max)) {
            throw InvalidInput.field("dueDate", "proposal.validation.extension", max);
        }
        c.proposal().changeDueDate(dueDate);
        cases.move(c, "EXTEND_DUE", null, dueDate + (reason == null ? "" : "：" + reason.strip()));
        cases.publish(new ProposalDueDateSet(CommitteeContext.current(), id, c.proposal().getDueDate()));
        cases.notifyUnit(c.proposal().getLeadUnitId(), "proposal.notice.dueExtended", c.proposal());
    }

    /**
     * Chooses whether the case and its reply are published; confidential ones never are. A flag
     * left out stays as it is, so publishing never lifts confidentiality by omission.
     */
    public void publish(Long id, Boolean published, Boolean confidential) {
        if (published == null && confidential == null) {
            throw InvalidInput.field("published", "validation.required");
        }
        ProposalCase c = cases.openFor(id, Step.PUBLISH);
        Proposal p = c.proposal();
        boolean secret = confidential != null ? confidential : p.isConfidential();
        boolean open = published != null ? published : p.isPublished() && !secret;
        if (open && secret) {
            throw new Conflict("proposal.confidentialNotPublished");
        }
        p.publish(open, secret);
        cases.move(c, secret ? "MARK_CONFIDENTIAL" : open ? "PUBLISH" : "UNPUBLISH", null, null);
    }
}
