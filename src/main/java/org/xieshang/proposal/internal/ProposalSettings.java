package org.xieshang.proposal.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.List;
import org.xieshang.shared.jpa.CommitteeScopedEntity;

/**
 * A committee's proposal configuration: categories, not-filing grounds, reply classes, the
 * number format and the deadlines (DESIGN §6 "the list is configuration").
 */
@Entity
public class ProposalSettings extends CommitteeScopedEntity {

    static final List<String> DEFAULT_CATEGORIES = List.of("经济发展", "城乡建设", "生态环境", "教育科技", "医疗卫生",
            "社会保障", "文化旅游", "农业农村", "政法社会治理", "其他");
    static final List<String> DEFAULT_GROUNDS = List.of("涉及国家秘密", "涉及党派团体内部事务", "属于诉讼或仲裁中的事项",
            "属于个人诉求或家庭私事", "为单位或个人宣传推销产品", "指控或检举具体人员", "内容空泛，无具体建议",
            "不属于本级职权范围", "一案多事");

    @Column(nullable = false, length = 4000)
    private String categories;
    @Column(nullable = false, length = 4000)
    private String notFiledGrounds;
    @Column(nullable = false, length = 100)
    private String replyClasses;
    @Column(nullable = false, length = 60)
    private String numberFormat;
    private int reassignmentWorkingDays;
    private int dueMonths;
    private int maxDueMonths;
    private int rehandlingMonths;
    private boolean contactRequired;
    private int meetWithinWorkingDays;
    /** Whether the unit head signs a reply before staff review it (issue 15 point 1); committees may do without. */
    private boolean replySignoffRequired;

    protected ProposalSettings() {
    }

    static ProposalSettings defaults() {
        ProposalSettings s = new ProposalSettings();
        s.categories = String.join("\n", DEFAULT_CATEGORIES);
        s.notFiledGrounds = String.join("\n", DEFAULT_GROUNDS);
        s.replyClasses = "A,B,C";
        s.numberFormat = "第%04d号";
        s.reassignmentWorkingDays = 7;
        s.dueMonths = 3;
        s.maxDueMonths = 6;
        s.rehandlingMonths = 1;
        s.contactRequired = true;
        s.meetWithinWorkingDays = 15;
        s.replySignoffRequired = true;
        return s;
    }

    /** A detached copy of the values, for the settings cache: never saved, never changed (see CaseSupport.settings). */
    ProposalSettings snapshot() {
        ProposalSettings s = new ProposalSettings();
        s.categories = categories;
        s.notFiledGrounds = notFiledGrounds;
        s.replyClasses = replyClasses;
        s.numberFormat = numberFormat;
        s.reassignmentWorkingDays = reassignmentWorkingDays;
        s.dueMonths = dueMonths;
        s.maxDueMonths = maxDueMonths;
        s.rehandlingMonths = rehandlingMonths;
        s.contactRequired = contactRequired;
        s.meetWithinWorkingDays = meetWithinWorkingDays;
        s.replySignoffRequired = replySignoffRequired;
        return s;
    }

    public void change(List<String> categories, List<String> grounds, List<String> replyClasses, String numberFormat,
                int reassignmentWorkingDays, int dueMonths, int maxDueMonths, int rehandlingMonths, boolean contactRequired,
                int meetWithinWorkingDays) {
        this.categories = String.join("\n", categories);
        this.notFiledGrounds = String.join("\n", grounds);
        this.replyClasses = String.join(",", replyClasses);
        this.numberFormat = numberFormat;
        this.reassignmentWorkingDays = reassignmentWorkingDays;
        this.dueMonths = dueMonths;
        this.maxDueMonths = maxDueMonths;
        this.rehandlingMonths = rehandlingMonths;
        this.contactRequired = contactRequired;
        this.meetWithinWorkingDays = meetWithinWorkingDays;
    }

    public void requireReplySignoff(boolean required) {
        this.replySignoffRequired = required;
    }

    public boolean isReplySignoffRequired() {
        return replySignoffRequired;
    }

    public List<String> categories() {
        return lines(categories, "\n");
    }

    public List<String> notFiledGrounds() {
        return lines(notFiledGrounds, "\n");
    }

    public List<String> replyClasses() {
        return lines(replyClasses, ",");
    }

    public String formatNumber(int seq) {
        return String.format(numberFormat, seq);
    }

    public String getNumberFormat() {
        return numberFormat;
    }

    public int getReassignmentWorkingDays() {
        return reassignmentWorkingDays;
    }

    public int getDueMonths() {
        return dueMonths;
    }

    public int getMaxDueMonths() {
        return maxDueMonths;
    }

    public int getRehandlingMonths() {
        return rehandlingMonths;
    }

    public boolean isContactRequired() {
        return contactRequired;
    }

    public int getMeetWithinWorkingDays() {
        return meetWithinWorkingDays;
    }

    private static List<String> lines(String joined, String separator) {
        return Arrays.stream(joined.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
