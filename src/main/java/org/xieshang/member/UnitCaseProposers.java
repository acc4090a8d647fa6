package org.xieshang.member;

import java.util.Set;

/**
 * The members who propose the cases a unit handles (as lead or co-handling unit): the only members a unit's users
 * may look up (issue 14, finding 10). Declared here and implemented by the module that knows cases, so that the
 * member module does not depend on it.
 */
public interface UnitCaseProposers {

    /** Ids of the proposers (lead and co-signers) of the current committee's cases handled by this unit. */
    Set<Long> of(Long unitId);
}
