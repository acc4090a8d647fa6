package org.xieshang.proposal.internal;

/** 单办 (one unit), 分办 (several units each handle a part), 会办 (lead unit plus co-units). */
public enum HandlingMode {
    SOLE, SPLIT, JOINT
}
