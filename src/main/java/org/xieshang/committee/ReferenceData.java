package org.xieshang.committee;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to the current committee's reference data, for the other modules. */
public interface ReferenceData {

    /** Every view carries {@code retired} (kept on old records, not offered for new ones) and its row's version. */
    record SectorView(Long id, String name, boolean retired, long version) {
    }

    record UnitView(Long id, String name, UnitType type, boolean retired, long version) {
    }

    record SessionView(Long id, Long termId, String name, int year, java.time.LocalDate startDate, boolean retired,
                       long version) {
    }

    record SpecialCommitteeView(Long id, String name, boolean retired, long version) {
    }

    record TermView(Long id, String name, java.time.LocalDate startDate, java.time.LocalDate endDate,
                    List<SessionView> sessions, boolean retired, long version) {
    }

    boolean sectorExists(Long id);

    boolean unitExists(Long id);

    /** A unit new cases may be assigned to: it exists and is not retired. */
    boolean unitAssignable(Long id);

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
