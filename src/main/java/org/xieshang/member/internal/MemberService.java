package org.xieshang.member.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.audit.AuditRecord;
import org.xieshang.audit.AuditTrail;
import org.xieshang.committee.ReferenceData;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberRole;
import org.xieshang.member.MemberStatus;
import org.xieshang.member.UnitCaseProposers;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.NotFound;

/** Members of the current committee: register, edit, find. Changes are the committee office's. */
@Service
@Transactional(readOnly = true)
public class MemberService implements MemberDirectory {

    /** A member as shown: contact details only to the office, CPPCC leaders and the member. */
    public record MemberView(Long id, String name, Gender gender, String ethnicity, java.time.LocalDate birthDate,
                             String party, Long sectorId, Long specialCommitteeId, String workUnit, String title,
                             String phone, String email, Set<MemberRole> roles, MemberStatus status, long version) {
    }

    /**
     * A partial change: null fields stay as they are. With {@code version} (as last read), the
     * change is refused when the member was changed since.
     */
    public record MemberChange(String name, Gender gender, String ethnicity, java.time.LocalDate birthDate, String party,
                               Long sectorId, Long specialCommitteeId, String workUnit, String title, String phone,
                               String email, Set<MemberRole> roles, MemberStatus status, Long version) {
    }

    private final MemberRepository members;
    private final ReferenceData reference;
    private final AuditTrail audit;

    private final org.springframework.beans.factory.ObjectProvider<UnitCaseProposers> unitCaseProposers;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    MemberService(MemberRepository members, ReferenceData reference, AuditTrail audit,
                  org.springframework.beans.factory.ObjectProvider<UnitCaseProposers> unitCaseProposers,
                  org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.members = members;
        this.reference = reference;
        this.audit = audit;
        this.unitCaseProposers = unitCaseProposers;
    }

    /**
     * The members a user may look up: everyone, except for a unit's users (UNIT_HANDLER, UNIT_HEAD without another
     * role), who see only the proposers of their own unit's cases; null means no restriction.
     */
    private Set<Long> restrictedTo() {
        var u = CurrentUsers.require();
        boolean unitOnly = u.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && u.roles().stream()
                .allMatch(r -> r == Role.UNIT_HANDLER || r == Role.UNIT_HEAD);
        if (!unitOnly) {
            return null;
        }
        UnitCaseProposers proposers = unitCaseProposers.getIfAvailable();
        return proposers == null ? Set.of() : proposers.of(u.unitId()); // nothing to ask: nobody, fail closed
    }

    @Transactional
    public MemberView create(MemberData data) {
        CurrentUsers.requireAny(Role.ADMIN);
        MemberData clean = MemberRules.normalize(data);
        MemberRules.check(clean, reference).throwIfAny();
        return view(members.save(new Member(clean)));
    }

    @Transactional
    public MemberView update(Long id, MemberChange change) {
        CurrentUsers.requireAny(Role.ADMIN);
        Member member = members.findById(id).orElseThrow(NotFound::new);
        if (change.version() != null && change.version() != member.getVersion()) {
            throw new org.xieshang.shared.error.Conflict("error.concurrentChange");
        }
        MemberData d = member.data();
        MemberData merged = MemberRules.normalize(new MemberData(
                pick(change.name(), d.name()), pick(change.gender(), d.gender()), pick(change.ethnicity(), d.ethnicity()),
                pick(change.birthDate(), d.birthDate()), pick(change.party(), d.party()), pick(change.sectorId(), d.sectorId()),
                pick(change.specialCommitteeId(), d.specialCommitteeId()), pick(change.workUnit(), d.workUnit()),
                pick(change.title(), d.title()), pick(change.phone(), d.phone()), pick(change.email(), d.email()),
                pick(change.roles(), d.roles())));
        MemberRules.check(merged, reference).throwIfAny();
        nameChanged(id);
        member.apply(merged);
        if (change.status() != null) {
            member.changeStatus(change.status());
        }
        members.saveAndFlush(member);
        return view(member);
    }

    /**
     * Replaces every fact of a member, as the edit form does (an emptied field is cleared), and
     * refuses when the record changed since the form was loaded.
     */
    @Transactional
    public MemberView replace(Long id, long expectedVersion, MemberData data, MemberStatus status) {
        CurrentUsers.requireAny(Role.ADMIN);
        Member member = members.findById(id).orElseThrow(NotFound::new);
        if (member.getVersion() != expectedVersion) {
            throw new Conflict("error.concurrentChange");
        }
        MemberData clean = MemberRules.normalize(data);
        MemberRules.check(clean, reference).throwIfAny();
        nameChanged(id);
        member.apply(clean);
        if (status != null) {
            member.changeStatus(status);
        }
        members.saveAndFlush(member);
        return view(member);
    }

    /** Whether the current user sees a member's contact details and record history. */
    public boolean seesDetails(Long memberId) {
        return CurrentUsers.current().map(u -> u.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC)
                || memberId.equals(u.memberId())).orElse(false);
    }

    /** Every recorded change of a member, oldest first: for those who see the member's details. */
    public List<AuditRecord> history(Long id) {
        CurrentUsers.require();
        if (!members.existsById(id)) {
            throw new NotFound();
        }
        if (!seesDetails(id)) {
            throw new Forbidden();
        }
        return audit.history("Member", id);
    }

    public MemberView get(Long id) {
        Set<Long> only = restrictedTo();
        if (only != null && !only.contains(id)) {
            throw new NotFound(); // as if absent: a unit learns nothing of members outside its cases
        }
        return members.findById(id).map(this::view).orElseThrow(NotFound::new);
    }

    public Page<MemberView> search(String q, Long sectorId, MemberStatus status, PageRequest page) {
        Set<Long> only = restrictedTo();
        String term = q == null || q.isBlank() ? null : q.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        if (only != null) {
            return only.isEmpty() ? Page.empty(page) : members.searchAmong(term, sectorId, status, only, page).map(this::view);
        }
        return members.search(term, sectorId, status, page).map(this::view);
    }

    @Transactional
    public void saveAll(List<MemberData> rows) {
        CurrentUsers.requireAny(Role.ADMIN);
        members.saveAll(rows.stream().map(Member::new).toList());
    }

    boolean duplicate(MemberData d) {
        return d.phone() != null && members.existsByNameAndPhone(d.name(), d.phone());
    }

    // --- MemberDirectory ---

    @Override
    public boolean exists(Long id) {
        return id != null && members.existsById(id);
    }

    @Override
    public Optional<MemberSummary> find(Long id) {
        return id == null ? Optional.empty() : members.findById(id).map(MemberService::summary);
    }

    @Override
    public Map<Long, String> emails(java.util.Collection<Long> ids) {
        Map<Long, String> emails = new java.util.HashMap<>();
        if (ids != null && !ids.isEmpty()) {
            members.findAllById(ids.stream().filter(java.util.Objects::nonNull).distinct().toList()).forEach(m -> {
                String email = m.data().email();
                if (email != null && !email.isBlank()) {
                    emails.put(m.getId(), email.strip());
                }
            });
        }
        return emails;
    }

    @Override
    public Map<Long, Contact> contacts(java.util.Collection<Long> ids) {
        Map<Long, Contact> contacts = new java.util.HashMap<>();
        if (ids != null && !ids.isEmpty()) {
            members.findAllById(ids.stream().filter(java.util.Objects::nonNull).distinct().toList())
                    .forEach(m -> contacts.put(m.getId(), new Contact(blankToNull(m.data().phone()), blankToNull(m.data().email()))));
        }
        return contacts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** No transaction of its own when every name is cached (each list page asks); the repository has one for the rest. */
    @Override
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        if (ids != null && !ids.isEmpty()) {
            Long committee = org.xieshang.shared.tenancy.CommitteeContext.current();
            List<Long> missing = new java.util.ArrayList<>();
            ids.stream().filter(java.util.Objects::nonNull).distinct().forEach(id -> {
                String name = nameCache.getIfPresent(List.of(committee, id));
                if (name != null) {
                    names.put(id, name);
                } else {
                    missing.add(id);
                }
            });
            if (!missing.isEmpty()) {
                unknownNames(committee, missing).forEach((id, name) -> {
                    names.put(id, name);
                    nameCache.put(List.of(committee, id), name);
                });
            }
        }
        return names;
    }

    /**
     * Names not cached: in plain SQL naming the committee in a read-only transaction (a derived or
     * criteria query is translated again on every execution under the committee filter, issue 16);
     * through the entities otherwise, so that a rename not yet flushed shows in its own transaction.
     */
    private Map<Long, String> unknownNames(Long committee, List<Long> ids) {
        Map<Long, String> found = new java.util.HashMap<>();
        if (committee != null && committee > 0
                && org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                Object[] args = new Object[chunk.size() + 1];
                args[0] = committee;
                for (int i = 0; i < chunk.size(); i++) {
                    args[i + 1] = chunk.get(i);
                }
                jdbc.query("select id, name from member where committee_id = ? and id in ("
                        + org.xieshang.shared.jpa.BindMarks.of(chunk.size()) + ")",
                        rs -> {
                            found.put(rs.getLong(1), rs.getString(2));
                        }, args);
            }
        } else {
            members.findAllById(ids).forEach(m -> found.put(m.getId(), m.getName()));
        }
        return found;
    }

    /**
     * Members' names by committee and id, for the names every case and list shows (issue 16):
     * evicted when a member's record changes on this node (now and after the commit); other nodes
     * see a rename within the entry's lifetime.
     */
    private final com.github.benmanes.caffeine.cache.Cache<List<Long>, String> nameCache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofMinutes(1))
                    .maximumSize(50_000).build();

    private void nameChanged(Long id) {
        org.xieshang.shared.jpa.AfterTransaction.nowAndAtEnd(
                () -> nameCache.asMap().keySet().removeIf(key -> key.get(1).equals(id)));
    }

    @Override
    public List<MemberSummary> all() {
        return members.findAllByOrderByIdAsc().stream().map(MemberService::summary).toList();
    }

    @Override
    public List<MemberSummary> servingMembersOfSpecialCommittee(Long specialCommitteeId) {
        return members.findAllByOrderByIdAsc().stream()
                .filter(m -> specialCommitteeId.equals(m.data().specialCommitteeId()) && m.getStatus().isServing())
                .map(MemberService::summary).toList();
    }

    @Override
    public Map<MemberStatus, Long> countByStatus() {
        Map<MemberStatus, Long> counts = new EnumMap<>(MemberStatus.class);
        for (MemberStatus s : MemberStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : members.countByStatus()) {
            counts.put((MemberStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    @Transactional
    public void changeStatus(Long id, MemberStatus status) {
        CurrentUsers.requireAny(Role.ADMIN);
        Member member = members.findById(id).orElseThrow(NotFound::new);
        member.changeStatus(status);
        members.saveAndFlush(member);
    }

    @Override
    @Transactional
    public MemberSummary register(MemberData data) {
        MemberView v = create(data);
        return new MemberSummary(v.id(), v.name(), v.sectorId(), v.roles(), v.status());
    }

    private static MemberSummary summary(Member m) {
        return new MemberSummary(m.getId(), m.getName(), m.getSectorId(), m.getRoles(), m.getStatus());
    }

    private MemberView view(Member m) {
        MemberData d = m.data();
        boolean contact = seesDetails(m.getId());
        return new MemberView(m.getId(), d.name(), d.gender(), d.ethnicity(), contact ? d.birthDate() : null, d.party(),
                d.sectorId(), d.specialCommitteeId(), d.workUnit(), d.title(), contact ? d.phone() : null,
                contact ? d.email() : null, d.roles(), m.getStatus(), m.getVersion());
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }
}
