package org.xieshang.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {
    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByMemberId(Long memberId);

    Page<UserAccount> findAllByOrderByUsernameAsc(Pageable pageable);

    List<UserAccount> findByMemberIdInAndEnabledTrue(java.util.Collection<Long> memberIds);

    List<UserAccount> findByUnitIdAndEnabledTrue(Long unitId);

    List<UserAccount> findByEnabledTrue();
}

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdAndRevokedAtIsNull(Long userId);
}
