package org.xieshang.notification.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    Page<Notification> findByUserIdOrderByCreatedAtDescIdDesc(Long userId, Pageable pageable);

    Page<Notification> findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(Long userId, Pageable pageable);

    long countByUserIdAndReadAtIsNull(Long userId);

    java.util.List<Notification> findByUserIdAndReadAtIsNull(Long userId);

    java.util.List<Notification> findByLinkInAndReadAtIsNull(java.util.Collection<String> links);

    /** The notices of a task still waiting for it (this committee's, by the tenant filter). */
    java.util.List<Notification> findByTaskKeyAndDoneAtIsNull(String taskKey);
}
