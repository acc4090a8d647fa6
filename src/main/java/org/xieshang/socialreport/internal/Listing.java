package org.xieshang.socialreport.internal;

import java.util.List;
import org.xieshang.socialreport.internal.SocialReportService.ReportSummary;

/** A page of results and the filter that found them. */
public record Listing(List<ReportSummary> items, long total, int page, int pages, String q, ReportStatus status,
                      Integer year) {
    public String link(int p) {
        StringBuilder sb = new StringBuilder("/social-reports?page=").append(p);
        if (q != null && !q.isBlank()) {
            sb.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (status != null) {
            sb.append("&status=").append(status.name());
        }
        if (year != null) {
            sb.append("&year=").append(year);
        }
        return sb.toString();
    }
}
