package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.xieshang.shared.jpa.CommitteeScopedEntity;
import org.xieshang.shared.time.AppTime;

/** A co-handling unit (协办) of the current assignment, and its opinion to the lead unit (会签). */
@Entity
public class ProposalCoUnit extends CommitteeScopedEntity {

    @Column(nullable = false)
    private Long proposalId;
    @Column(nullable = false)
    private Long unitId;
    @Column(length = 20000)
    private String opinion;
    private Instant opinionAt;
    /** The office typed in an opinion the unit sent on paper (a unit without an account). */
    private boolean opinionOnPaper;
    @Column(length = 200)
    private String opinionRecordedBy;
    /** When the lead unit last reminded this unit of its opinion (at most once a day). */
    private Instant remindedAt;

    protected ProposalCoUnit() {
    }

    /** A row read by plain SQL ({@link CaseRows}), not managed: to read only (as {@link Proposal#read}). */
    static ProposalCoUnit read(CaseRows.Row r, Proposal p) {
        ProposalCoUnit x = new ProposalCoUnit();
        x.readAs(r.id(), p.getCommitteeId(), r.version());
        x.proposalId = p.getId();
        x.unitId = r.a1();
        x.opinionOnPaper = r.b1();
        x.opinionAt = r.t1();
        x.remindedAt = r.t2();
        x.opinion = r.s1();
        x.opinionRecordedBy = r.s2();
        return x;
    }

    public ProposalCoUnit(Long proposalId, Long unitId) {
        this.proposalId = proposalId;
        this.unitId = unitId;
    }

    public void giveOpinion(String opinion) {
        this.opinion = opinion;
        this.opinionAt = AppTime.now();
    }

    /** An opinion received on paper, entered by the office on the unit's behalf. */
    public void recordPaperOpinion(String opinion, String recordedBy) {
        giveOpinion(opinion);
        this.opinionOnPaper = true;
        this.opinionRecordedBy = recordedBy;
    }

    public void reminded(Instant at) {
        this.remindedAt = at;
    }

    public boolean isOpinionOnPaper() {
        return opinionOnPaper;
    }

    public String getOpinionRecordedBy() {
        return opinionRecordedBy;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    Long getProposalId() {
        return proposalId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getOpinion() {
        return opinion;
    }

    public Instant getOpinionAt() {
        return opinionAt;
    }
}
