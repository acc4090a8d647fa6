package org.xieshang.committee.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceDataChanges;
import org.xieshang.committee.UnitType;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;

/** Reference data of the current committee: reads for everyone, changes for the committee office. */
@Service
@Transactional(readOnly = true)
public class ReferenceDataService implements ReferenceData, ReferenceDataChanges {

    private final SectorRepository sectors;
    private final UnitRepository units;
    private final SpecialCommitteeRepository specialCommittees;
    private final TermRepository terms;
    private final TermSessionRepository sessions;

    /**
     * Units by committee and id, for the names every case and list shows (issue 16): evicted when a
     * unit is renamed, retired or deleted on this node (now and after the commit); other nodes see
     * such a change within the entry's lifetime. Absent units are not kept (a new one is found at once).
     */
    private final com.github.benmanes.caffeine.cache.Cache<java.util.List<Long>, UnitView> unitCache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofMinutes(1))
                    .maximumSize(20_000).build();

    /**
     * The committee's sessions, for the year filter of every list and statistics page (issue 16: a JPA query,
     * translated again on each request under the tenant filter): evicted when a session is created, changed
     * or deleted on this node (now and when the transaction ends); other nodes see such a change within the
     * entry's lifetime (1 minute), like the unit and member names. Not kept outside a committee's context.
     */
    private final org.xieshang.shared.tenancy.CommitteeCache<List<SessionView>> sessionCache =
            new org.xieshang.shared.tenancy.CommitteeCache<>();

    ReferenceDataService(SectorRepository sectors, UnitRepository units, SpecialCommitteeRepository specialCommittees,
                         TermRepository terms, TermSessionRepository sessions) {
        this.sectors = sectors;
        this.units = units;
        this.specialCommittees = specialCommittees;
        this.terms = terms;
        this.sessions = sessions;
    }

    // --- changes (ADMIN) ---

    @Override
    @Transactional
    public SectorView createSector(String name) {
        CurrentUsers.requireAny(Role.ADMIN);
        String clean = required("name", name, 100);
        if (sectors.existsByName(clean)) {
            throw new Conflict("error.nameTaken", clean);
        }
        Sector s = sectors.save(new Sector(clean));
        return view(s);
    }

    @Override
    @Transactional
    public UnitView createUnit(String name, UnitType type) {
        CurrentUsers.requireAny(Role.ADMIN);
        String clean = required("name", name, 200);
        if (type == null) {
            throw InvalidInput.field("type", "validation.required");
        }
        if (units.existsByName(clean)) {
            throw new Conflict("error.nameTaken", clean);
        }
        Unit u = units.save(new Unit(clean, type));
        return view(u);
    }

    @Override
    @Transactional
    public SpecialCommitteeView createSpecialCommittee(String name) {
        CurrentUsers.requireAny(Role.ADMIN);
        String clean = required("name", name, 100);
        if (specialCommittees.existsByName(clean)) {
            throw new Conflict("error.nameTaken", clean);
        }
        SpecialCommittee c = specialCommittees.save(new SpecialCommittee(clean));
        return view(c);
    }

    @Override
    @Transactional
    public TermView createTerm(String name, LocalDate startDate, LocalDate endDate) {
        CurrentUsers.requireAny(Role.ADMIN);
        InvalidInput invalid = new InvalidInput();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 50) {
            invalid.add("name", "validation.length", 1, 50);
        }
        if (startDate == null) {
            invalid.add("startDate", "validation.required");
        }
        if (endDate == null) {
            invalid.add("endDate", "validation.required");
        }
        if (startDate != null && endDate != null && !endDate.isAfter(startDate)) {
            invalid.add("endDate", "validation.endAfterStart");
        }
        invalid.throwIfAny();
        if (terms.existsByName(clean)) {
            throw new Conflict("error.nameTaken", clean);
        }
        Term t = terms.save(new Term(clean, startDate, endDate));
        return view(t);
    }

    @Override
    @Transactional
    public SessionView createSession(Long termId, String name, Integer year, LocalDate startDate) {
        CurrentUsers.requireAny(Role.ADMIN);
        Term term = terms.findById(termId).orElseThrow(NotFound::new);
        InvalidInput invalid = new InvalidInput();
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 50) {
            invalid.add("name", "validation.length", 1, 50);
        }
        if (year == null) {
            invalid.add("year", "validation.required");
        } else if (year < term.getStartDate().getYear() || year > term.getEndDate().getYear()) {
            // years as text: MessageFormat would print 2026 as "2,026"
            invalid.add("year", "validation.yearInTerm", Integer.toString(term.getStartDate().getYear()),
                    Integer.toString(term.getEndDate().getYear()));
        }
        if (startDate == null) {
            invalid.add("startDate", "validation.required");
        }
        invalid.throwIfAny();
        if (sessions.existsByTermIdAndName(termId, clean)) {
            throw new Conflict("error.nameTaken", clean);
        }
        Session s = sessions.save(new Session(termId, clean, year, startDate));
        sessionCache.changed();
        return view(s);
    }

    // --- rename, retire, delete (ADMIN) ---

    /** A change of name and/or retired mark; {@code version}, when given, must be the row's current one. */
    public record Change(String name, Boolean retired, Long version) {
    }

    /** What is changed and deleted: one kind of reference data. */
    public enum Kind {
        SECTOR, UNIT, SPECIAL_COMMITTEE, TERM, SESSION
    }

    @Transactional
    public Object change(Kind kind, Long id, Change change) {
        CurrentUsers.requireAny(Role.ADMIN);
        if (change == null) {
            throw InvalidInput.field("name", "validation.required");
        }
        ReferenceRow row = find(kind, id);
        unitChanged(kind, id);
        sessionChanged(kind);
        if (change.version() != null && change.version() != row.getVersion()) {
            throw new Conflict("error.concurrentChange");
        }
        if (change.name() != null) {
            String clean = required("name", change.name(), maxName(kind));
            if (!clean.equals(row.getName()) && nameTaken(kind, row, clean)) {
                throw new Conflict("error.nameTaken", clean);
            }
            row.rename(clean);
        }
        if (change.retired() != null) {
            row.retire(change.retired());
        }
        // flush now: a concurrent change of the same row fails here (optimistic lock), as a 409
        repository(kind).flush();
        return view(kind, find(kind, id));
    }

    /**
     * Deletes a row nothing refers to. Every reference to reference data is a foreign key, so the
     * database itself refuses a referenced row; that refusal becomes a 409 telling the office to retire it instead.
     */
    @Transactional
    public void delete(Kind kind, Long id) {
        CurrentUsers.requireAny(Role.ADMIN);
        ReferenceRow row = find(kind, id);
        unitChanged(kind, id);
        sessionChanged(kind);
        String name = row.getName();
        JpaRepository<Object, Long> repository = repository(kind);
        try {
            repository.delete(row);
            repository.flush();
        } catch (DataIntegrityViolationException referenced) {
            throw new Conflict("refdata.inUse", name);
        }
    }

    /** A unit changes: its cached view goes now, and again after the commit (a reader may have cached the old one meanwhile). */
    private void unitChanged(Kind kind, Long id) {
        if (kind != Kind.UNIT) {
            return;
        }
        // every context's entry of the unit (its committee's, the system's)
        org.xieshang.shared.jpa.AfterTransaction.nowAndAtEnd(
                () -> unitCache.asMap().keySet().removeIf(key -> key.get(1).equals(id)));
    }

    /** A session changes: the committee's cached sessions go now and again when the transaction ends. */
    private void sessionChanged(Kind kind) {
        if (kind == Kind.SESSION) {
            sessionCache.changed();
        }
    }

    /** The row's current view (the API's answer to a change). */
    Object view(Kind kind, ReferenceRow row) {
        return switch (kind) {
            case SECTOR -> view((Sector) row);
            case UNIT -> view((Unit) row);
            case SPECIAL_COMMITTEE -> view((SpecialCommittee) row);
            case TERM -> view((Term) row);
            case SESSION -> view((Session) row);
        };
    }

    private ReferenceRow find(Kind kind, Long id) {
        Object row = id == null ? null : repository(kind).findById(id).orElse(null);
        if (row == null) {
            throw new NotFound();
        }
        return (ReferenceRow) row;
    }

    @SuppressWarnings("unchecked")
    private JpaRepository<Object, Long> repository(Kind kind) {
        Object repository = switch (kind) {
            case SECTOR -> sectors;
            case UNIT -> units;
            case SPECIAL_COMMITTEE -> specialCommittees;
            case TERM -> terms;
            case SESSION -> sessions;
        };
        return (JpaRepository<Object, Long>) repository;
    }

    private static int maxName(Kind kind) {
        return switch (kind) {
            case UNIT -> 200;
            case SECTOR, SPECIAL_COMMITTEE -> 100;
            case TERM, SESSION -> 50;
        };
    }

    private boolean nameTaken(Kind kind, ReferenceRow row, String name) {
        return switch (kind) {
            case SECTOR -> sectors.existsByName(name);
            case UNIT -> units.existsByName(name);
            case SPECIAL_COMMITTEE -> specialCommittees.existsByName(name);
            case TERM -> terms.existsByName(name);
            case SESSION -> sessions.existsByTermIdAndName(((Session) row).getTermId(), name);
        };
    }

    // --- reads ---

    public List<SpecialCommitteeView> specialCommittees() {
        return specialCommittees.findAllByOrderByIdAsc().stream().map(ReferenceDataService::view).toList();
    }

    @Override
    public List<TermView> terms() {
        return terms.findAllByOrderByStartDateDesc().stream().map(this::view).toList();
    }

    public TermView term(Long id) {
        return terms.findById(id).map(this::view).orElseThrow(NotFound::new);
    }

    @Override
    public boolean sectorExists(Long id) {
        return id != null && sectors.existsById(id);
    }

    @Override
    public boolean unitExists(Long id) {
        return id != null && units.existsById(id);
    }

    @Override
    public boolean unitAssignable(Long id) {
        return id != null && units.findById(id).filter(u -> !u.isRetired()).isPresent();
    }

    @Override
    public boolean sessionExists(Long id) {
        return id != null && sessions.existsById(id);
    }

    @Override
    public boolean specialCommitteeExists(Long id) {
        return id != null && specialCommittees.existsById(id);
    }

    @Override
    public List<SectorView> sectors() {
        return sectors.findAllByOrderByIdAsc().stream().map(ReferenceDataService::view).toList();
    }

    @Override
    public List<UnitView> units() {
        return units.findAllByOrderByIdAsc().stream().map(ReferenceDataService::view).toList();
    }

    /** No transaction of its own when cached (every case detail asks, issue 16); the repository has one for a miss. */
    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<UnitView> unit(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(unitCache.get(java.util.List.of(org.xieshang.shared.tenancy.CommitteeContext.current(), id),
                key -> units.findById(id).map(ReferenceDataService::view).orElse(null)));
    }

    /** No transaction of its own when cached (SUPPORTS); the repository reads in its own when not. */
    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public List<SessionView> sessions() {
        return sessionCache.get(() -> sessions.findAllByOrderByStartDateDesc().stream().map(ReferenceDataService::view).toList());
    }

    @Override
    public Map<String, Long> sectorIdsByName() {
        return sectors.findAll().stream().collect(Collectors.toMap(Sector::getName, Sector::getId));
    }

    @Override
    public Map<String, Long> specialCommitteeIdsByName() {
        return specialCommittees.findAll().stream().collect(Collectors.toMap(SpecialCommittee::getName, SpecialCommittee::getId));
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sectors", sectors.count());
        counts.put("units", units.count());
        counts.put("specialCommittees", specialCommittees.count());
        counts.put("terms", terms.count());
        return counts;
    }

    private TermView view(Term t) {
        return new TermView(t.getId(), t.getName(), t.getStartDate(), t.getEndDate(),
                sessions.findByTermIdOrderByStartDateAsc(t.getId()).stream().map(ReferenceDataService::view).toList(),
                t.isRetired(), t.getVersion());
    }

    private static UnitView view(Unit u) {
        return new UnitView(u.getId(), u.getName(), u.getType(), u.isRetired(), u.getVersion());
    }

    private static SessionView view(Session s) {
        return new SessionView(s.getId(), s.getTermId(), s.getName(), s.getYear(), s.getStartDate(), s.isRetired(),
                s.getVersion());
    }

    private static SectorView view(Sector s) {
        return new SectorView(s.getId(), s.getName(), s.isRetired(), s.getVersion());
    }

    private static SpecialCommitteeView view(SpecialCommittee c) {
        return new SpecialCommitteeView(c.getId(), c.getName(), c.isRetired(), c.getVersion());
    }

    private static String required(String field, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty() || clean.length() > max) {
            throw InvalidInput.field(field, "validation.length", 1, max);
        }
        return clean;
    }
}
