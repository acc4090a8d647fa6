package org.xieshang.proposal.internal.handling;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.committee.ReferenceData;
import org.xieshang.identity.UserAccounts;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.CaseSupport;
import org.xieshang.proposal.internal.ProposalCase;
import org.xieshang.proposal.internal.ProposalCoUnit;
import org.xieshang.proposal.internal.ProposalText;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.Step.Actor;
import org.xieshang.proposal.internal.attachment.AttachmentStore;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/**
 * Co-units that hold up a reply (issue 17): units without an account are named at assignment, the
 * office enters an opinion a unit sent on paper, and the lead unit reminds a unit that owes one —
 * at most once a day per unit, so a reminder stays a signal and not noise.
 */
@Service
@Transactional
public class CoUnitFollowUp {

    /** The shortest time between two reminders to the same unit on the same case. */
    public static final Duration REMINDER_GAP = Duration.ofHours(20);

    private final CaseSupport cases;
    private final UserAccounts accounts;
    private final AttachmentStore attachments;
    private final ReferenceData reference;

    CoUnitFollowUp(CaseSupport cases, UserAccounts accounts, AttachmentStore attachments, ReferenceData reference) {
        this.reference = reference;
        this.cases = cases;
        this.accounts = accounts;
        this.attachments = attachments;
    }

    /** Those of these units that have no enabled account, in the given order. */
    @Transactional(readOnly = true)
    public List<Long> withoutAccount(Collection<Long> unitIds) {
        Set<Long> with = accounts.unitIdsWithAccounts();
        return unitIds.stream().filter(u -> u != null && !with.contains(u)).distinct().toList();
    }

    /** Every unit that has an enabled account (for marking the assignment form's choices). */
    @Transactional(readOnly = true)
    public Set<Long> unitsWithAccounts() {
        return accounts.unitIdsWithAccounts();
    }

    /**
     * The office records a co-unit's opinion received on paper (optionally with the scanned letter):
     * ADMIN or PROPOSAL_STAFF, while the co-unit may still give its opinion; 404 for a unit that is
     * not a co-unit of the case; 409 when it already gave one.
     */
    public void recordPaperOpinion(Long id, Long unitId, String content, MultipartFile file) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty() || text.length() > ProposalText.TEXT_MAX) {
            throw InvalidInput.field("content", "validation.length", 1, ProposalText.TEXT_MAX);
        }
        ProposalCase c = cases.open(id);
        CurrentUser user = CurrentUsers.require();
        if (!c.actorsOf(user).contains(Actor.STAFF)) {
            throw new Forbidden();
        }
        ProposalCoUnit co = c.coUnit(unitId).orElseThrow(NotFound::new);
        openForOpinions(c);
        if (co.getOpinion() != null) {
            throw new Conflict("casepages.coUnit.alreadyGiven");
        }
        String filename = null;
        if (file != null && !file.isEmpty()) {
            filename = attachments.addOfficeCopy(id, file).filename();
        }
        co.recordPaperOpinion(text, user.displayName());
        cases.coUnits().save(co);
        String unit = unitName(unitId);
        cases.move(c, "CO_OPINION_PAPER", null, unit + (filename == null ? "" : " · " + filename));
        // the co-unit's own notices asking for the opinion are answered (docs/task-notices.md)
        cases.publish(org.xieshang.notification.TaskDone.forAll(user.committeeId(),
                org.xieshang.proposal.ProposalTaskKeys.coOpinion(id, unitId)));
        cases.notifyUnit(c.proposal().getLeadUnitId(), "proposal.notice.coOpinion", c.proposal());
    }

    /**
     * The lead unit reminds a co-unit of the opinion it owes; answers when. 404 for a unit that is
     * not a co-unit; 409 when it has given its opinion, has no account to be told, or was reminded
     * less than a day ago.
     */
    public Instant remind(Long id, Long unitId) {
        ProposalCase c = cases.open(id);
        if (!c.actorsOf(CurrentUsers.require()).contains(Actor.LEAD_UNIT)) {
            throw new Forbidden();
        }
        ProposalCoUnit co = c.coUnit(unitId).orElseThrow(NotFound::new);
        openForOpinions(c);
        if (co.getOpinion() != null) {
            throw new Conflict("casepages.coUnit.alreadyGiven");
        }
        if (!withoutAccount(List.of(unitId)).isEmpty()) {
            throw new Conflict("casepages.coUnit.noAccount.conflict");
        }
        Instant now = Instant.now();
        if (co.getRemindedAt() != null && co.getRemindedAt().plus(REMINDER_GAP).isAfter(now)) {
            throw new Conflict("casepages.coUnit.remindedToday");
        }
        co.reminded(now);
        cases.coUnits().save(co);
        cases.move(c, "CO_OPINION_REMINDER", null, unitName(unitId));
        cases.notifyUnit(unitId, "casepages.notice.coOpinionReminder", c.proposal());
        return now;
    }

    /** Opinions are given while the units handle the case (as {@link Step#CO_OPINION}). */
    private static void openForOpinions(ProposalCase c) {
        ProposalStatus s = c.proposal().getStatus();
        if (!Step.CO_OPINION.startsFrom(s)) {
            throw new Conflict("proposal.wrongState", CaseSupport.status(s),
                    new org.springframework.context.support.DefaultMessageSourceResolvable("proposal.step.CO_OPINION"));
        }
    }

    private String unitName(Long unitId) {
        return reference.unit(unitId).map(ReferenceData.UnitView::name).orElse("#" + unitId);
    }
}
