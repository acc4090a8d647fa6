package org.xieshang.keywork.internal;

/** Kinds of supervision events of a key proposal. */
public enum SupervisionType { VISIT, RESEARCH, SYMPOSIUM, PROGRESS_MEETING, JOINT_INSPECTION }
