package org.xieshang.committee;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to the current committee's reference data, for the other modules. */
public interface ReferenceData {

    record SectorView(Long id, String name) {
    }

    record UnitView(Long id, String name, UnitType type) {
    }

    record SessionView(Long id, Long termId, String name, int year, java.time.LocalDate startDate) {
    }

    record SpecialCommitteeView(Long id, String name) {
    }

    record TermView(Long id, String name, java.time.LocalDate startDate, java.time.LocalDate endDate,
                    List<SessionView> sessions) {
    }

    boolean sectorExists(Long id);

    boolean unitExists(Long id);

    boolean sessionExists(Long id);

    boolean specialCommitteeExists(Long id);

    List<SectorView> sectors();

    List<UnitView> units();

    Optional<UnitView> unit(Long id);

    List<SessionView> sessions();

    /** Terms, the newest first (with their sessions). */
    List<TermView> terms();

    Map<String, Long> sectorIdsByName();

    Map<String, Long> specialCommitteeIdsByName();

    Map<String, Long> counts();
}
