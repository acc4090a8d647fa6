package org.xieshang.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What other modules may know and do about the current committee's members. */
public interface MemberDirectory {

    record MemberSummary(Long id, String name, Long sectorId, Set<MemberRole> roles, MemberStatus status) {
    }

    boolean exists(Long id);

    Optional<MemberSummary> find(Long id);

    /** Names of these members in one query (for lists; unknown ids are absent). */
    Map<Long, String> names(java.util.Collection<Long> ids);

    List<MemberSummary> all();

    /** Serving (active or warned) members of a special committee, e.g. to invite them to an activity. */
    List<MemberSummary> servingMembersOfSpecialCommittee(Long specialCommitteeId);

    /** E-mail addresses of these members, for notifications (members without one are absent). */
    Map<Long, String> emails(java.util.Collection<Long> ids);

    /** How to reach a member: phone and e-mail as recorded (either may be null). */
    record Contact(String phone, String email) {
    }

    /** Phone and e-mail of these members, for those entitled to reach them (e.g. the unit handling their case). */
    Map<Long, Contact> contacts(java.util.Collection<Long> ids);

    Map<MemberStatus, Long> countByStatus();

    /**
     * Sets a member's status as a consequence decided elsewhere (assessment: warning, persuasion to
     * resign, approved resignation); the office only (403 otherwise), 404 for an unknown member.
     */
    void changeStatus(Long id, MemberStatus status);

    /** Registers a member (committee office, or system work such as the demo committee). */
    MemberSummary register(MemberData data);
}
