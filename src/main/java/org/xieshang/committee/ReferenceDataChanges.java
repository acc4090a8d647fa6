package org.xieshang.committee;

import java.time.LocalDate;
import org.xieshang.committee.ReferenceData.SectorView;
import org.xieshang.committee.ReferenceData.SessionView;
import org.xieshang.committee.ReferenceData.SpecialCommitteeView;
import org.xieshang.committee.ReferenceData.TermView;
import org.xieshang.committee.ReferenceData.UnitView;

/** Changes to the current committee's reference data (committee office only). */
public interface ReferenceDataChanges {

    SectorView createSector(String name);

    UnitView createUnit(String name, UnitType type);

    SpecialCommitteeView createSpecialCommittee(String name);

    TermView createTerm(String name, LocalDate startDate, LocalDate endDate);

    SessionView createSession(Long termId, String name, Integer year, LocalDate startDate);
}
