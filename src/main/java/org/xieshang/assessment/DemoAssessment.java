package org.xieshang.assessment;

import java.util.List;

/**
 * The demo committee's assessment: the year's rules, one completed run over the duty record the
 * other demo modules produced, a warning and one approved resignation. Runs as the office.
 */
public interface DemoAssessment {

    /**
     * @param memberIds the committee's members, in order; the last two receive the warning and the resignation
     * @param year      the assessed year
     */
    void load(List<Long> memberIds, int year);
}
