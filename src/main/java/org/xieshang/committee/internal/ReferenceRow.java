package org.xieshang.committee.internal;

/**
 * What every kind of reference data (sector, unit, special committee, term, session) has in common:
 * a name that can change and a retired mark. Retired rows stay on the records that name them;
 * what may still be chosen for new records is decided per kind (a retired unit is not assignable).
 */
interface ReferenceRow {

    Long getId();

    long getVersion();

    String getName();

    void rename(String name);

    boolean isRetired();

    void retire(boolean retired);
}
