package org.xieshang.publication.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.domain.Page;
import org.xieshang.proposal.PublishedProposals.PublicCase;
import org.xieshang.proposal.PublishedProposals.PublicSummary;

/** What the public pages' templates read (public types: the precompiled templates live in another package). */
public final class PublicPageViews {

    private PublicPageViews() {
    }

    /**
     * One page of published cases. {@code committee} is the committee parameter the visitor came
     * with (null: the installation's default), kept on every link so that they stay in its committee.
     */
    public record Listing(String committeeName, List<PublicSummary> items, int page, int totalPages, long total,
                          String q, String committee) {

        static Listing of(String committeeName, Page<PublicSummary> found, String q, String committee) {
            return new Listing(committeeName, found.getContent(), found.getNumber(), found.getTotalPages(),
                    found.getTotalElements(), q == null ? "" : q.strip(), committee);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }

        public String link(int toPage) {
            StringBuilder sb = new StringBuilder("/public/proposals");
            char sep = '?';
            if (!q.isEmpty()) {
                sb.append(sep).append("q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
                sep = '&';
            }
            if (committee != null) {
                sb.append(sep).append("committee=").append(committee);
                sep = '&';
            }
            if (toPage > 0) {
                sb.append(sep).append("page=").append(toPage);
            }
            return sb.toString();
        }

        public String caseLink(Long id) {
            return PublicPageViews.caseLink(id, committee);
        }
    }

    public record CasePage(String committeeName, PublicCase c, String committee) {

        public String listLink() {
            return committee == null ? "/public/proposals" : "/public/proposals?committee=" + committee;
        }
    }

    static String caseLink(Long id, String committee) {
        return "/public/proposals/" + id + (committee == null ? "" : "?committee=" + committee);
    }
}
