package org.xieshang.assessment;

/** An assessment grade, best first (优秀 / 合格 / 基本合格 / 不合格). */
public enum Grade {
    EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED, UNQUALIFIED
}
