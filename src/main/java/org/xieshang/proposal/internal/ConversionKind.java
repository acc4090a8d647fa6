package org.xieshang.proposal.internal;

/** What a not-filed text is turned into (社情民意 / 委员来信). */
public enum ConversionKind {
    SOCIAL_REPORT, MEMBER_LETTER
}
