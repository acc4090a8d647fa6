package org.xieshang.keywork.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class KeyRepositories {
    private KeyRepositories() {
    }
}

interface KeyLeaderRepository extends JpaRepository<KeyLeader, Long> {
    List<KeyLeader> findByProposalIdOrderByIdAsc(Long proposalId);

    boolean existsByProposalIdAndUserId(Long proposalId, Long userId);

    List<KeyLeader> findByProposalIdInOrderByIdAsc(java.util.Collection<Long> proposalIds);
}

interface KeyDecisionRepository extends JpaRepository<KeyDecision, Long> {
    List<KeyDecision> findByYearOrderByIdAsc(int year);

    List<KeyDecision> findAllByOrderByIdAsc();
}

interface SupervisionEventRepository extends JpaRepository<SupervisionEvent, Long> {
    List<SupervisionEvent> findByProposalIdOrderByDateAscIdAsc(Long proposalId);

    /** Per case: how many events and the latest one's date. */
    @Query("select e.proposalId, count(e), max(e.date) from SupervisionEvent e where e.proposalId in ?1 group by e.proposalId")
    List<Object[]> progressOf(java.util.Collection<Long> proposalIds);
}
