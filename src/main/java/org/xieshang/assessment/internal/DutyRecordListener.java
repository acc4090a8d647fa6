package org.xieshang.assessment.internal;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.activity.Activities;
import org.xieshang.activity.AttendanceChanged;
import org.xieshang.activity.AttendanceStatus;
import org.xieshang.activity.SpeechRecorded;
import org.xieshang.assessment.DutyKind;
import org.xieshang.assessment.internal.DutyRecorder.Source;
import org.xieshang.liaison.LiaisonContactLogged;
import org.xieshang.proposal.ProposalEvents.ProposalFiled;
import org.xieshang.proposal.ProposalEvents.ProposalMarkedKey;
import org.xieshang.proposal.ProposalEvents.ProposalMerged;
import org.xieshang.proposal.ProposalEvents.ProposalSubmitted;
import org.xieshang.shared.SystemActor;
import org.xieshang.socialreport.SocialReportAdopted;
import org.xieshang.socialreport.SocialReportAdoptionWithdrawn;
import org.xieshang.socialreport.SocialReportSubmitted;

/**
 * Derives the duty record from the other modules' events (persisted and retried by Spring
 * Modulith). Each handler is idempotent: it states what the source says now, keyed by source. The
 * transaction opens inside, after the committee context is set (Hibernate takes the tenant then).
 */
@Component
class DutyRecordListener {

    static final String ACTIVITY = "ACTIVITY";
    static final String SPEECH = "SPEECH";
    static final String PROPOSAL = "PROPOSAL";
    static final String SOCIAL_REPORT = "SOCIAL_REPORT";
    static final String LIAISON_CONTACT = "LIAISON_CONTACT";
    static final String MANUAL = "MANUAL";

    private final DutyRecorder recorder;
    private final DutyEntryRepository entries;
    private final TransactionTemplate tx;
    private final Activities activities;

    DutyRecordListener(DutyRecorder recorder, DutyEntryRepository entries, TransactionTemplate tx, Activities activities) {
        this.activities = activities;
        this.recorder = recorder;
        this.entries = entries;
        this.tx = tx;
    }

    private void run(Long committeeId, Runnable work) {
        SystemActor.runAs(committeeId, () -> tx.executeWithoutResult(s -> work.run()));
    }

    @ApplicationModuleListener(id = "assessment.attendance", propagation = Propagation.NOT_SUPPORTED)
    void on(AttendanceChanged e) {
        // the attendance as it stands now, not as the event says: two quick changes (a late leave approval
        // after the close) may be handled out of order, and the later handler must not write the older state
        run(e.committeeId(), () -> attendance(e.activityId(), e.memberId(), e.type(),
                activities.attendanceBetween(e.date(), e.date()).stream()
                        .filter(a -> a.activityId().equals(e.activityId()) && a.memberId().equals(e.memberId()))
                        .map(Activities.AttendanceFact::status).findFirst().orElse(e.status()), e.date()));
    }

    void attendance(Long activityId, Long memberId, org.xieshang.activity.ActivityType type, AttendanceStatus status,
                    java.time.LocalDate date) {
        DutyKind kind = switch (status) {
            case PRESENT -> DutyKind.ACTIVITY_PRESENT;
            case ON_LEAVE -> DutyKind.ACTIVITY_ON_LEAVE;
            case ABSENT -> DutyKind.ACTIVITY_ABSENT;
            case INVITED -> null;
        };
        recorder.follow(new Source(ACTIVITY, activityId, "ATTENDANCE"), memberId,
                kind == null ? DutyKind.ACTIVITY_PRESENT : kind, type, null, date, kind != null, activityId);
    }

    @ApplicationModuleListener(id = "assessment.speech", propagation = Propagation.NOT_SUPPORTED)
    void on(SpeechRecorded e) {
        run(e.committeeId(), () -> recorder.follow(new Source(SPEECH, e.speechId(), "SPEECH"), e.memberId(),
                DutyKind.SPEECH, e.type(), null, e.date(), true, e.activityId(), e.topic() == null ? "" : e.topic()));
    }

    @ApplicationModuleListener(id = "assessment.proposal-submitted", propagation = Propagation.NOT_SUPPORTED)
    void on(ProposalSubmitted e) {
        run(e.committeeId(), () -> {
            // a collective proposal credits nobody's first-proposer item
            if (e.leadMemberId() != null && !e.collective()) {
                recorder.follow(new Source(PROPOSAL, e.proposalId(), "SUBMITTED"), e.leadMemberId(),
                        DutyKind.PROPOSAL_SUBMITTED, null, null, e.date(), true, e.proposalId());
            }
            for (Long m : e.coSignerMemberIds() == null ? List.<Long>of() : e.coSignerMemberIds()) {
                recorder.follow(new Source(PROPOSAL, e.proposalId(), "SUBMITTED"), m, DutyKind.PROPOSAL_COSIGNED, null,
                        null, e.date(), true, e.proposalId());
            }
        });
    }

    @ApplicationModuleListener(id = "assessment.proposal-filed", propagation = Propagation.NOT_SUPPORTED)
    void on(ProposalFiled e) {
        run(e.committeeId(), () -> {
            for (Long m : e.proposerMemberIds()) {
                recorder.follow(new Source(PROPOSAL, e.proposalId(), "FILED"), m, DutyKind.PROPOSAL_FILED, null, null,
                        e.date(), true, e.proposalId(), e.number() == null ? "" : e.number());
            }
        });
    }

    @ApplicationModuleListener(id = "assessment.proposal-key", propagation = Propagation.NOT_SUPPORTED)
    void on(ProposalMarkedKey e) {
        run(e.committeeId(), () -> {
            for (Long m : e.proposerMemberIds()) {
                recorder.follow(new Source(PROPOSAL, e.proposalId(), "KEY"), m, DutyKind.PROPOSAL_KEY, null, null,
                        e.date(), true, e.proposalId());
            }
        });
    }

    /** A merged case keeps its proposers' credit; its entries say where it went. */
    @ApplicationModuleListener(id = "assessment.proposal-merged", propagation = Propagation.NOT_SUPPORTED)
    void on(ProposalMerged e) {
        run(e.committeeId(), () -> recorder.merged(entries.findBySourceTypeAndSourceId(PROPOSAL, e.proposalId()),
                e.intoId()));
    }

    @ApplicationModuleListener(id = "assessment.social-report-submitted", propagation = Propagation.NOT_SUPPORTED)
    void on(SocialReportSubmitted e) {
        run(e.committeeId(), () -> recorder.follow(new Source(SOCIAL_REPORT, e.reportId(), "SUBMITTED"),
                e.authorMemberId(), DutyKind.SOCIAL_REPORT_SUBMITTED, null, null, e.date(), true, e.reportId()));
    }

    @ApplicationModuleListener(id = "assessment.social-report-adopted", propagation = Propagation.NOT_SUPPORTED)
    void on(SocialReportAdopted e) {
        run(e.committeeId(), () -> recorder.follow(new Source(SOCIAL_REPORT, e.reportId(), "ADOPTED"),
                e.authorMemberId(), DutyKind.SOCIAL_REPORT_ADOPTED, null, e.level(), e.date(), true, e.reportId()));
    }

    /** A withdrawn adoption no longer counts: the entry turns inactive (audited), kept for the record. */
    @ApplicationModuleListener(id = "assessment.social-report-adoption-withdrawn", propagation = Propagation.NOT_SUPPORTED)
    void on(SocialReportAdoptionWithdrawn e) {
        run(e.committeeId(), () -> adoptionWithdrawn(e.reportId(), e.authorMemberId()));
    }

    /** The adoption entry, if it still counts, stops counting; its date, level and text stay as they were. */
    void adoptionWithdrawn(Long reportId, Long authorMemberId) {
        Source adopted = new Source(SOCIAL_REPORT, reportId, "ADOPTED");
        entries.findBySourceTypeAndSourceIdAndSourceAspectAndMemberId(adopted.type(), adopted.id(), adopted.aspect(),
                authorMemberId).filter(DutyEntry::isActive).ifPresent(entry -> recorder.follow(adopted, authorMemberId,
                DutyKind.SOCIAL_REPORT_ADOPTED, null, entry.getAdoptionLevel(), entry.getEntryDate(), false, reportId));
    }

    @ApplicationModuleListener(id = "assessment.liaison-contact", propagation = Propagation.NOT_SUPPORTED)
    void on(LiaisonContactLogged e) {
        run(e.committeeId(), () -> {
            for (Long m : e.memberIds()) {
                recorder.follow(new Source(LIAISON_CONTACT, e.contactId(), "CONTACTED"), m, DutyKind.LIAISON_CONTACTED,
                        null, null, e.date(), true, e.contactId());
            }
            if (e.liaisonMemberId() != null) {
                recorder.follow(new Source(LIAISON_CONTACT, e.contactId(), "LIAISON"), e.liaisonMemberId(),
                        DutyKind.LIAISON_HELD, null, null, e.date(), true, e.contactId(), e.memberIds().size());
            }
        });
    }
}
