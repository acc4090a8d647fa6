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

    static final String COLUMNS = "id, committee_id, version, proposal_id, unit_id, opinion, opinion_at, opinion_on_paper,"
            + " opinion_recorded_by, reminded_at";

    /** A row read by plain SQL, not managed: to read only (as {@link Proposal#read}). */
    static ProposalCoUnit read(java.sql.ResultSet rs) throws java.sql.SQLException {
        ProposalCoUnit x = new ProposalCoUnit();
        x.readAs(rs.getLong("id"), rs.getLong("committee_id"), rs.getLong("version"));
        x.proposalId = rs.getLong("proposal_id");
        x.unitId = rs.getLong("unit_id");
        x.opinion = rs.getString("opinion");
        x.opinionAt = org.xieshang.shared.jpa.Columns.instant(rs, "opinion_at");
        x.opinionOnPaper = rs.getBoolean("opinion_on_paper");
        x.opinionRecordedBy = rs.getString("opinion_recorded_by");
        x.remindedAt = org.xieshang.shared.jpa.Columns.instant(rs, "reminded_at");
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
