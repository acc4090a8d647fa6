package org.xieshang.committee.internal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.CommitteeLevel;
import org.xieshang.committee.Committees;

@Service
class CommitteeService implements Committees {

    private final CommitteeRepository committees;

    CommitteeService(CommitteeRepository committees) {
        this.committees = committees;
    }

    @Override
    @Transactional
    public CommitteeView create(String name, CommitteeLevel level, String region) {
        Committee c = committees.save(new Committee(name, level, region));
        return view(c);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return committees.count();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CommitteeView> find(Long id) {
        return committees.findById(id).map(CommitteeService::view);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<CommitteeView> all() {
        return committees.findAll(org.springframework.data.domain.Sort.by("id")).stream().map(CommitteeService::view).toList();
    }

    private static CommitteeView view(Committee c) {
        return new CommitteeView(c.getId(), c.getName(), c.getLevel(), c.getRegion());
    }
}
