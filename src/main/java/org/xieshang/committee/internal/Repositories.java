package org.xieshang.committee.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface CommitteeRepository extends JpaRepository<Committee, Long> {
}

interface SectorRepository extends JpaRepository<Sector, Long> {
    List<Sector> findAllByOrderByIdAsc();

    boolean existsByName(String name);
}

interface UnitRepository extends JpaRepository<Unit, Long> {
    List<Unit> findAllByOrderByIdAsc();

    boolean existsByName(String name);
}

interface SpecialCommitteeRepository extends JpaRepository<SpecialCommittee, Long> {
    List<SpecialCommittee> findAllByOrderByIdAsc();

    boolean existsByName(String name);
}

interface TermRepository extends JpaRepository<Term, Long> {
    List<Term> findAllByOrderByStartDateDesc();

    boolean existsByName(String name);
}

interface TermSessionRepository extends JpaRepository<Session, Long> {
    List<Session> findAllByOrderByStartDateDesc();

    List<Session> findByTermIdOrderByStartDateAsc(Long termId);

    boolean existsByTermIdAndName(Long termId, String name);
}
