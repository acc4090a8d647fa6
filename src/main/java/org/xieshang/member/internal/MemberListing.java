package org.xieshang.member.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.xieshang.member.MemberStatus;
import org.xieshang.member.internal.MemberService.MemberView;

/** One page of the member list, with the filter that produced it and links to its neighbours. */
public record MemberListing(List<MemberView> items, int page, int totalPages, long total, Filter filter,
                            Map<Long, String> sectorNames) {

    /** What the list is filtered by; absent parts are not filtered on. */
    public record Filter(String q, Long sectorId, MemberStatus status) {

        /** Lenient on purpose: a filter typed into the address bar that makes no sense is just not applied. */
        static Filter parse(String q, String sectorId, String status) {
            Long sector = null;
            try {
                sector = sectorId == null || sectorId.isBlank() ? null : Long.valueOf(sectorId.strip());
            } catch (NumberFormatException ignored) {
                // not a sector: no sector filter
            }
            MemberStatus s = null;
            try {
                s = status == null || status.isBlank() ? null : MemberStatus.valueOf(status.strip());
            } catch (IllegalArgumentException ignored) {
                // not a status: no status filter
            }
            return new Filter(q == null || q.isBlank() ? null : q.strip(), sector, s);
        }

        public String qOrEmpty() {
            return q == null ? "" : q;
        }

        public boolean sector(Long id) {
            return id.equals(sectorId);
        }

        /** The address of a page of the full list under this filter. */
        public String link(int page) {
            StringBuilder sb = new StringBuilder("/members");
            String sep = "?";
            if (q != null) {
                sb.append(sep).append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
                sep = "&";
            }
            if (sectorId != null) {
                sb.append(sep).append("sectorId=").append(sectorId);
                sep = "&";
            }
            if (status != null) {
                sb.append(sep).append("status=").append(status.name());
                sep = "&";
            }
            if (page > 0) {
                sb.append(sep).append("page=").append(page);
            }
            return sb.toString();
        }
    }

    static MemberListing of(Page<MemberView> page, Filter filter, Map<Long, String> sectorNames) {
        return new MemberListing(page.getContent(), page.getNumber(), page.getTotalPages(), page.getTotalElements(),
                filter, sectorNames);
    }

    public String sectorName(Long id) {
        return sectorNames.getOrDefault(id, "");
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public String previous() {
        return filter.link(page - 1);
    }

    public String next() {
        return filter.link(page + 1);
    }

    /** The same pages as table fragments, for htmx. */
    public String previousTable() {
        return previous().replaceFirst("^/members", "/members/table");
    }

    public String nextTable() {
        return next().replaceFirst("^/members", "/members/table");
    }
}
