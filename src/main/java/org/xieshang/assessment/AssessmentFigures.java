package org.xieshang.assessment;

import java.time.LocalDate;

/** The term's consequence figures (e.g. "7 resignations approved this term"), for statistics and reports. */
public interface AssessmentFigures {

    /** Counts of actions dated and resignations approved within [from, to], current committee. */
    record Figures(long resignationsApproved, long admonishmentTalks, long warnings, long persuadedToResign) {
    }

    Figures between(LocalDate from, LocalDate to);
}
