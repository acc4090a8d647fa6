package org.xieshang.proposal.internal.repository;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.xieshang.proposal.internal.ProposalSettings;

public interface SettingsRepository extends JpaRepository<ProposalSettings, Long> {
    Optional<ProposalSettings> findFirstByOrderByIdAsc();
}
