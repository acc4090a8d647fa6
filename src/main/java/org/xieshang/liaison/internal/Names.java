package org.xieshang.liaison.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xieshang.committee.ReferenceData.SectorView;
import org.xieshang.member.MemberDirectory.MemberSummary;

/** Member and sector names for the liaison pages. */
public final class Names {

    private final Map<Long, MemberSummary> members = new HashMap<>();
    private final Map<Long, String> sectors = new HashMap<>();

    Names(List<MemberSummary> members, List<SectorView> sectors) {
        members.forEach(m -> this.members.put(m.id(), m));
        sectors.forEach(s -> this.sectors.put(s.id(), s.name()));
    }

    public String name(Long memberId) {
        MemberSummary m = memberId == null ? null : members.get(memberId);
        return m == null ? "#" + memberId : m.name();
    }

    public String sectorOf(Long memberId) {
        MemberSummary m = memberId == null ? null : members.get(memberId);
        return m == null ? "" : sector(m.sectorId());
    }

    public String sector(Long sectorId) {
        return sectorId == null ? "" : sectors.getOrDefault(sectorId, "");
    }
}
