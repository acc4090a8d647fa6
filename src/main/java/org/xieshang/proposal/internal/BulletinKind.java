package org.xieshang.proposal.internal;

/** 政协简讯 BRIEF / 提案要点 KEY_POINTS. */
public enum BulletinKind { BRIEF, KEY_POINTS }
