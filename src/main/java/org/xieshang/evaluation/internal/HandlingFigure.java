package org.xieshang.evaluation.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A unit's proposal handling (提案办理) in the evaluation's year, from the proposal figures of the cases it
 * leads in that year's sessions, with the statistics page's definitions: replied = cases with an approved
 * reply, on time = of those replied by the due date; rated = cases with a lead proposer's rating, satisfied
 * = latest result rating satisfied or basically satisfied. The dimension's fixed score is
 * 100 × (on-time reply rate + satisfaction rate) ÷ 2, to two decimals (half up, from the exact rates);
 * a rate without cases to divide by is left out (the score is the other rate × 100); with neither the
 * unit has no score for the dimension. Pure.
 */
record HandlingFigure(long replied, long onTime, long rated, long satisfied) {

    private static final MathContext EXACT = new MathContext(20);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** On-time reply rate in [0, 1], four decimals; null without replied cases. */
    BigDecimal onTimeRate() {
        BigDecimal r = exact(onTime, replied);
        return r == null ? null : r.setScale(4, RoundingMode.HALF_UP);
    }

    /** Satisfaction rate in [0, 1], four decimals; null without ratings. */
    BigDecimal satisfactionRate() {
        BigDecimal r = exact(satisfied, rated);
        return r == null ? null : r.setScale(4, RoundingMode.HALF_UP);
    }

    /** The fixed score of the proposal-handling dimension, 0–100 to two decimals; null when neither rate exists. */
    BigDecimal score() {
        BigDecimal a = exact(onTime, replied);
        BigDecimal b = exact(satisfied, rated);
        BigDecimal mean;
        if (a == null && b == null) {
            return null;
        } else if (a == null) {
            mean = b;
        } else if (b == null) {
            mean = a;
        } else {
            mean = a.add(b).divide(BigDecimal.valueOf(2), EXACT);
        }
        return mean.multiply(HUNDRED, EXACT).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal exact(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), EXACT);
    }
}
