package org.xieshang.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Names this file: the compiler's up-to-date check looks for a class of the file's name (SourceFileNamesTest). */
final class Repositories {
    private Repositories() {
    }
}

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {
    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByMemberId(Long memberId);

    /** Members who have an account (for the page that opens accounts for those without). */
    @org.springframework.data.jpa.repository.Query("select distinct u.memberId from UserAccount u where u.memberId is not null")
    List<Long> memberIdsWithAccount();

    Page<UserAccount> findAllByOrderByUsernameAsc(Pageable pageable);

    List<UserAccount> findByMemberIdInAndEnabledTrue(java.util.Collection<Long> memberIds);

    List<UserAccount> findByUnitIdAndEnabledTrue(Long unitId);

    List<UserAccount> findByEnabledTrue();

    /** The units that have an enabled account (ids only: this runs for every case shown). */
    @org.springframework.data.jpa.repository.Query("select distinct u.unitId from UserAccount u where u.enabled = true and u.unitId is not null")
    List<Long> unitIdsOfEnabledAccounts();
}

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdAndRevokedAtIsNull(Long userId);
}
