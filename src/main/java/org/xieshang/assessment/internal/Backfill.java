package org.xieshang.assessment.internal;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.activity.Activities;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.internal.DutyRecorder.Source;
import org.xieshang.liaison.LiaisonContacts;
import org.xieshang.proposal.ProposalCredits;
import org.xieshang.socialreport.SocialReportCredits;

/**
 * Fills the duty record from the other modules' query APIs (attendance, speeches, liaison
 * contacts; proposals and social reports for the office's rebuild), with the same keys, dates and
 * texts as the event handlers: running it twice, or before their events arrive, adds nothing twice.
 * The demo committee uses {@link #between} (its events are delivered only after its loading
 * transaction); the office's rebuild ({@link DutyRebuildService}) runs {@link #facts} in chunks.
 */
@Component
class Backfill {

    private final Activities activities;
    private final LiaisonContacts contacts;
    private final ProposalCredits proposals;
    private final SocialReportCredits reports;
    private final DutyRecordListener listener;
    private final DutyRecorder recorder;
    private final DutyEntryRepository entries;
    private final EntityManager em;

    Backfill(Activities activities, LiaisonContacts contacts, ProposalCredits proposals, SocialReportCredits reports,
             DutyRecordListener listener, DutyRecorder recorder, DutyEntryRepository entries, EntityManager em) {
        this.em = em;
        this.activities = activities;
        this.contacts = contacts;
        this.proposals = proposals;
        this.reports = reports;
        this.listener = listener;
        this.recorder = recorder;
        this.entries = entries;
    }

    /** Attendance, speeches and liaison contacts of the period, in one transaction (the demo's loading). */
    @Transactional
    public void between(LocalDate from, LocalDate to) {
        int done = 0;
        for (Runnable fact : facts(from, to, false)) {
            fact.run();
            // the steps pass ids, never entities: emptying the persistence context now and then keeps
            // the recorder's queries from auto-flushing (dirty-checking) every entry written so far
            if (++done % 50 == 0) {
                em.flush();
                em.clear();
            }
        }
    }

    /** One step per source fact; with {@code all}, proposals and social reports too. Each step is idempotent. */
    List<Runnable> facts(LocalDate from, LocalDate to, boolean all) {
        List<Runnable> out = new ArrayList<>();
        for (Activities.AttendanceFact a : activities.attendanceBetween(from, to)) {
            out.add(() -> listener.attendance(a.activityId(), a.memberId(), a.type(), a.status(), a.date()));
        }
        for (Activities.SpeechFact s : activities.speechesBetween(from, to)) {
            out.add(() -> recorder.follow(new Source(DutyRecordListener.SPEECH, s.speechId(), "SPEECH"), s.memberId(),
                    DutyKind.SPEECH, s.type(), null, s.date(), true, s.activityId(), s.topic() == null ? "" : s.topic()));
        }
        for (LiaisonContacts.ContactFact c : contacts.between(from, to)) {
            out.add(() -> {
                for (Long m : c.memberIds()) {
                    recorder.follow(new Source(DutyRecordListener.LIAISON_CONTACT, c.contactId(), "CONTACTED"), m,
                            DutyKind.LIAISON_CONTACTED, null, null, c.date(), true, c.contactId());
                }
                if (c.liaisonMemberId() != null) {
                    recorder.follow(new Source(DutyRecordListener.LIAISON_CONTACT, c.contactId(), "LIAISON"),
                            c.liaisonMemberId(), DutyKind.LIAISON_HELD, null, null, c.date(), true, c.contactId(),
                            c.memberIds().size());
                }
            });
        }
        if (all) {
            proposals.between(from, to).forEach(p -> out.add(() -> proposal(p)));
            reports.between(from, to).forEach(r -> out.add(() -> report(r)));
        }
        return out;
    }

    /** What ProposalSubmitted, ProposalFiled, ProposalMarkedKey and ProposalMerged wrote (DutyRecordListener). */
    private void proposal(ProposalCredits.CaseCredit p) {
        String type = DutyRecordListener.PROPOSAL;
        if (p.leadMemberId() != null && !p.collective()) {
            recorder.follow(new Source(type, p.proposalId(), "SUBMITTED"), p.leadMemberId(), DutyKind.PROPOSAL_SUBMITTED,
                    null, null, p.submittedOn(), true, p.proposalId());
        }
        for (Long m : p.coSignerMemberIds()) {
            recorder.follow(new Source(type, p.proposalId(), "SUBMITTED"), m, DutyKind.PROPOSAL_COSIGNED, null, null,
                    p.submittedOn(), true, p.proposalId());
        }
        if (p.filedOn() != null) {
            for (Long m : p.proposerMemberIds()) {
                recorder.follow(new Source(type, p.proposalId(), "FILED"), m, DutyKind.PROPOSAL_FILED, null, null,
                        p.filedOn(), true, p.proposalId(), p.number() == null ? "" : p.number());
            }
        }
        if (p.keyOn() != null) {
            for (Long m : p.proposerMemberIds()) {
                recorder.follow(new Source(type, p.proposalId(), "KEY"), m, DutyKind.PROPOSAL_KEY, null, null, p.keyOn(),
                        true, p.proposalId());
            }
        }
        if (p.mergedIntoId() != null) {
            recorder.merged(entries.findBySourceTypeAndSourceId(type, p.proposalId()), p.mergedIntoId());
        }
    }

    /** What SocialReportSubmitted, SocialReportAdopted and SocialReportAdoptionWithdrawn wrote. */
    private void report(SocialReportCredits.ReportCredit r) {
        Source submitted = new Source(DutyRecordListener.SOCIAL_REPORT, r.reportId(), "SUBMITTED");
        recorder.follow(submitted, r.authorMemberId(), DutyKind.SOCIAL_REPORT_SUBMITTED, null, null, r.submittedOn(), true,
                r.reportId());
        Source adopted = new Source(DutyRecordListener.SOCIAL_REPORT, r.reportId(), "ADOPTED");
        if (r.level() != null) {
            recorder.follow(adopted, r.authorMemberId(), DutyKind.SOCIAL_REPORT_ADOPTED, null, r.level(), r.adoptedOn(), true,
                    r.reportId());
            return;
        }
        listener.adoptionWithdrawn(r.reportId(), r.authorMemberId());
    }
}
