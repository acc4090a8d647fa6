package org.xieshang.proposal.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.Step;
import org.xieshang.proposal.internal.query.ProposalViews;
import org.xieshang.proposal.internal.query.ProposalViews.HistoryView;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalSummary;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.Ui;

/**
 * What the proposal pages show, beyond {@link ProposalViews}: the actions open to the user, the
 * choices of the forms, lists with their links, and a failed form with what was typed. Public
 * because the precompiled templates live in a package of their own.
 */
public final class ProposalPageViews {

    private ProposalPageViews() {
    }

    /**
     * The forms the current user may use on a case now: the state machine ({@link Step}) and how
     * the user stands to the case, narrowed by the use cases' own rules where the page can know
     * them beforehand (a rating already given, a reassignment window passed, a B reply reported).
     */
    public record Actions(boolean edit, boolean attach, boolean submit, boolean withdraw, boolean cosign,
                          boolean review, boolean merge, boolean convert, boolean assign, boolean extendDue,
                          boolean publish, boolean requestReassignment, boolean accept, boolean record,
                          boolean coOpinion, boolean reply, boolean reviewReply, boolean evaluate,
                          boolean reportImplemented, boolean signoff) {

        public boolean any() {
            return edit || attach || submit || withdraw || cosign || review || merge || convert || assign || extendDue
                    || publish || requestReassignment || accept || record || coOpinion || reply || reviewReply
                    || evaluate || reportImplemented || signoff;
        }

        /** Whether the form of this name is on the page (a failed form that is not gets its message on top). */
        public boolean shows(String form) {
            return switch (form) {
                case "attach" -> attach;
                case "submit" -> submit;
                case "withdraw" -> withdraw;
                case "cosign" -> cosign;
                case "file", "notFile" -> review;
                case "merge" -> merge;
                case "convert" -> convert;
                case "assign" -> assign;
                case "extendDue" -> extendDue;
                case "publish" -> publish;
                case "reassignment" -> requestReassignment;
                case "accept" -> accept;
                case "record" -> record;
                case "coOpinion" -> coOpinion;
                case "reply" -> reply;
                case "approveReply", "returnReply" -> reviewReply;
                case "evaluate" -> evaluate;
                case "implemented" -> reportImplemented;
                case "signReply", "returnSignoff" -> signoff;
                default -> false;
            };
        }
    }

    /** An earlier case like this one, and how it was handled. */
    public record SimilarCase(Long id, String number, String title, double score, ProposalStatus status,
                              String replyCategory, String leadUnitName, String category, boolean mergeTarget) {

        public int percent() {
            return (int) Math.round(score * 100);
        }
    }

    /** A unit that handled similar cases before (at assignment). */
    public record UnitHint(Long unitId, String name, double score, int cases) {

        /** The mean similarity of the unit's similar cases, in percent: the one format of similarity on the pages. */
        public int averagePercent() {
            return cases == 0 ? 0 : (int) Math.round(score / cases * 100);
        }
    }

    public record SessionOption(Long id, String label) {
    }

    public record MemberOption(Long id, String name, String sector) {
    }

    /** The committee's configured choices, for the forms. */
    public record Options(List<String> categories, List<String> grounds, List<String> replyClasses,
                          List<SessionOption> sessions, List<UnitView> units, int reassignmentWorkingDays,
                          int dueMonths, int maxDueMonths, boolean contactRequired, int minSimilarityPercent) {

        /** Whether the reply classes are the standard A/B/C, whose meanings the forms can explain. */
        public boolean standardReplyClasses() {
            return replyClasses.equals(List.of("A", "B", "C"));
        }
    }

    /** One case as its page shows it. */
    public record CasePage(ProposalDetail detail, Actions actions, String sessionName, Map<Long, String> unitNames,
                           LocalDate defaultDueDate,
                           Options options, boolean contactRecorded, List<String> coUnitsWithoutOpinion,
                           boolean lead, boolean staff, CoUnitsOwing owing, Set<Long> reviewParts,
                           Set<Long> rateParts) {

        public String unitName(Long unitId) {
            return unitId == null ? "" : unitNames.getOrDefault(unitId, "#" + unitId);
        }

        /** Unit names joined as a list in running text. */
        public String unitNamesOf(List<Long> unitIds) {
            return String.join("、", unitIds.stream().map(this::unitName).toList());
        }

        public boolean openReassignment() {
            return detail.reassignmentRequests().stream().anyMatch(r -> r.resolvedAt() == null);
        }

        public boolean coUnit(Long unitId) {
            return detail.coUnitIds().contains(unitId);
        }

        /** Handling records or co-unit opinions to show. */
        public boolean hasRecords() {
            return !detail.handlingRecords().isEmpty() || detail.coUnits().stream().anyMatch(u -> u.opinion() != null);
        }
    }

    /** A co-unit that has not given its opinion: whether anyone there can, and whether the lead unit may remind it now. */
    public record CoUnitDue(Long unitId, String name, boolean hasAccount, Instant remindedAt, boolean remindable) {
    }

    /**
     * The co-units holding up the reply (issue 17), for the office (paper: it may enter an opinion
     * received on paper) and the lead unit (remind); the units with an account, to mark the others
     * on the assignment form.
     */
    public record CoUnitsOwing(List<CoUnitDue> units, boolean paper, boolean remind, java.util.Set<Long> unitsWithAccounts) {

        public boolean shows() {
            return !units.isEmpty() && (paper || remind);
        }

        public boolean hasAccount(Long unitId) {
            return unitsWithAccounts.contains(unitId);
        }
    }

    /** A joint proposal waiting for the current member's answer. */
    public record CosignRequest(Long id, String title, String category, String leadProposer, String sessionName,
                                Instant createdAt) {
    }

    /** A lead unit's open objection to its assignment. */
    public record ReassignmentRow(Long proposalId, String number, String title, String unitName, String reason,
                                  Instant requestedAt) {
    }

    /** One page of a case list, with the filter that made it, for links to neighbouring pages. */
    public record Listing(List<ProposalSummary> items, int page, int totalPages, long total, String path,
                          Map<String, String> params, Map<Long, String> unitNames, boolean totalExact,
                          boolean keyset, String nextCursor, int bound) {

        static Listing of(Page<ProposalSummary> found, String path, Map<String, String> params,
                          Map<Long, String> unitNames) {
            return new Listing(found.getContent(), found.getNumber(), found.getTotalPages(), found.getTotalElements(),
                    path, params, unitNames, true, false, null, 0);
        }

        /** A newest-first list (not a search): the next page is read by cursor, the count may be capped. */
        static Listing of(org.xieshang.proposal.internal.query.ProposalQueries.Listed found, boolean keyset, String path,
                          Map<String, String> params, Map<Long, String> unitNames) {
            Page<ProposalSummary> p = found.page();
            return new Listing(p.getContent(), p.getNumber(), p.getTotalPages(), p.getTotalElements(),
                    path, params, unitNames, found.totalExact(), keyset, found.nextCursor(), found.bound());
        }

        /** The next page's address: with the cursor, so that it reads only its own rows (docs/perf.md). */
        public String nextLink() {
            return withCursor(link(page + 1));
        }

        public String nextFragment() {
            return withCursor(fragment(page + 1));
        }

        private String withCursor(String address) {
            return nextCursor == null ? address
                    : address + (address.contains("?") ? '&' : '?') + "cursor=" + nextCursor;
        }

        public String unitName(Long unitId) {
            return unitId == null ? "" : unitNames.getOrDefault(unitId, "");
        }

        public String param(String name) {
            return params.getOrDefault(name, "");
        }

        public boolean is(String name, Object value) {
            return value != null && String.valueOf(value).equals(params.get(name));
        }

        /** The address of a page of this list under its filter. */
        public String link(int page) {
            return path + query(page);
        }

        /** The same page as a fragment, for htmx. */
        public String fragment(int page) {
            return path + "/results" + query(page);
        }

        private String query(int page) {
            Map<String, String> all = new LinkedHashMap<>(params);
            if (page > 0) {
                all.put("page", Integer.toString(page));
            }
            StringBuilder sb = new StringBuilder();
            all.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    sb.append(sb.length() == 0 ? '?' : '&').append(k).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            return sb.toString();
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        /** A pager when there is more than one page; a total that is not exact means more than the cap, so many pages. */
        public boolean showsPager() {
            return totalPages > 1 || !totalExact;
        }

        /**
         * "Page n of m" only when the total is exact; beyond the cap the number of pages is unknown, so
         * "page n" (with "next" while there are rows after this page).
         */
        public String position(org.xieshang.shared.web.Ui ui) {
            return totalExact ? ui.t("pager.position", page + 1, totalPages) : ui.t("lists.pager.page", page + 1);
        }

        public boolean hasNext() {
            return keyset ? nextCursor != null : page + 1 < totalPages;
        }
    }

    private static final Pattern RATINGS = Pattern.compile("\\b(BASICALLY_SATISFIED|UNSATISFIED|SATISFIED)\\b");

    /** The label of a history action, or its code when the bundle has none (actions other modules add). */
    public static String action(Ui ui, String action) {
        String key = "proposal.page.action." + action;
        String label = ui.t(key);
        return label.equals(key) ? action : label;
    }

    /** A history note as people read it: the rating codes of an evaluation in words. */
    public static String note(Ui ui, HistoryView h) {
        if (h.note() == null || !"EVALUATE".equals(h.action())) {
            return h.note();
        }
        Matcher m = RATINGS.matcher(h.note());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(ui.e(Rating.valueOf(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether a history line moved the case (a timeline shows from → to only then). */
    public static boolean moved(HistoryView h) {
        return h.fromStatus() != null && h.toStatus() != null && h.fromStatus() != h.toStatus();
    }

    /** File sizes as people read them. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
