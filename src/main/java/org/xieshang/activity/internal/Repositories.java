package org.xieshang.activity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface ActivityRepository extends JpaRepository<Activity, Long> {

    Page<Activity> findAllByOrderByStartsAtDesc(Pageable pageable);

    List<Activity> findByStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAtAsc(Instant from, Instant to);

    List<Activity> findByStatusAndEndsAtLessThanEqual(Activity.Status status, Instant now);

    @Query("select a from Activity a where a.id in (select i.activityId from Invitation i where i.memberId = :memberId) "
            + "order by a.startsAt asc")
    List<Activity> ofMember(@Param("memberId") Long memberId);
}

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    List<Invitation> findByActivityIdOrderByIdAsc(Long activityId);

    Optional<Invitation> findByActivityIdAndMemberId(Long activityId, Long memberId);

    List<Invitation> findByActivityIdIn(Collection<Long> activityIds);

    List<Invitation> findByActivityIdAndStatus(Long activityId, org.xieshang.activity.AttendanceStatus status);
}

interface LeaveRequestRepository extends JpaRepository<LeaveRequest, Long> {

    List<LeaveRequest> findByActivityIdOrderByIdAsc(Long activityId);

    boolean existsByActivityIdAndMemberIdAndStatusIn(Long activityId, Long memberId, Collection<LeaveRequest.Status> status);
}

interface AttendanceChangeRepository extends JpaRepository<AttendanceChange, Long> {

    List<AttendanceChange> findByActivityIdOrderByIdAsc(Long activityId);
}

interface SpeechRepository extends JpaRepository<Speech, Long> {

    List<Speech> findByActivityIdOrderByIdAsc(Long activityId);

    List<Speech> findByActivityIdIn(Collection<Long> activityIds);
}

interface FeedKeyRepository extends JpaRepository<FeedKey, Long> {

    Optional<FeedKey> findFirstByOrderByIdAsc();
}

interface OutcomeRepository extends JpaRepository<Outcome, Long> {

    List<Outcome> findByActivityIdOrderByIdAsc(Long activityId);
}
