package org.xieshang.socialreport.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.document.Spreadsheets;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Paging;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;
import org.xieshang.socialreport.AdoptionLevel;
import org.xieshang.socialreport.internal.SocialReportService.Filter;
import org.xieshang.socialreport.internal.SocialReportService.ReportForm;
import org.xieshang.socialreport.internal.SocialReportService.ReportSummary;
import org.xieshang.socialreport.internal.SocialReportService.ReportView;

/**
 * Social-report pages: a member's own reports with the write form (made for a phone), the
 * office's and leaders' list with full-text search (htmx refreshes the results as one types),
 * a report's page with the office's and leaders' actions, and the yearly figures.
 */
@PageController
class SocialReportPages implements NavContributor {

    private final SocialReportService reports;
    private final SocialReportFigures figures;
    private final SocialReportAttachments attachments;
    private final Messages messages;

    SocialReportPages(SocialReportService reports, SocialReportFigures figures, SocialReportAttachments attachments,
                      Messages messages) {
        this.reports = reports;
        this.figures = figures;
        this.attachments = attachments;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (SocialReportAccess.mayWrite(user)) {
            items.add(new NavItem("nav.socialreport.mine", "/social-reports/mine", 50));
        }
        if (SocialReportAccess.seesAll(user) || SocialReportAccess.seesAdopted(user)) {
            items.add(new NavItem("nav.socialreport.all", "/social-reports", 51));
        }
        if (user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC)) {
            items.add(new NavItem("nav.socialreport.figures", "/social-reports/figures", 52));
        }
        return items;
    }

    // --- a member's own reports ---

    @GetMapping("/social-reports/mine")
    String mine(@RequestParam(required = false) String written, Model model) {
        model.addAttribute("written", written != null);
        return minePage(new ReportForm(null, null, null), FormErrors.none(), model);
    }

    @PostMapping("/social-reports")
    String submit(@RequestParam(required = false) String title, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String category,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
        ReportForm form = new ReportForm(title, content, category);
        try {
            reports.submit(form, files);
        } catch (InvalidInput invalid) {
            model.addAttribute("written", false);
            return minePage(form, FormErrors.of(invalid, messages), model);
        }
        return "redirect:/social-reports/mine?written";
    }

    private String minePage(ReportForm form, FormErrors errors, Model model) {
        CurrentUser user = CurrentUsers.require();
        if (!SocialReportAccess.mayWrite(user)) {
            throw new Forbidden();
        }
        model.addAttribute("reports", reports.list(new Filter(null, null, null, null, null, null, true),
                Paging.of(0, 200, Sort.unsorted())).getContent());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", categories());
        return "socialreport/mine";
    }

    // --- the office's and leaders' list ---

    @GetMapping("/social-reports")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) ReportStatus status,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("listing", listing(q, status, year, page));
        model.addAttribute("statuses", List.of(ReportStatus.values()));
        return "socialreport/list";
    }

    /** The results alone, for htmx. */
    @GetMapping("/social-reports/table")
    String table(@RequestParam(required = false) String q, @RequestParam(required = false) ReportStatus status,
                 @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("listing", listing(q, status, year, page));
        return "socialreport/results";
    }

    private Listing listing(String q, ReportStatus status, Integer year, Integer page) {
        CurrentUser user = CurrentUsers.require();
        if (!SocialReportAccess.seesAll(user) && !SocialReportAccess.seesAdopted(user)) {
            throw new Forbidden();
        }
        int p = page == null || page < 0 ? 0 : page;
        Page<ReportSummary> found = reports.list(new Filter(q, status, year, null, null, null, false),
                Paging.of(p, 20, Sort.unsorted()));
        return new Listing(found.getContent(), found.getTotalElements(), p, found.getTotalPages(), q, status, year);
    }

    // --- a report ---

    @GetMapping("/social-reports/{id}")
    String report(@PathVariable Long id, Model model) {
        return reportPage(reports.get(id), FormErrors.none(), model);
    }

    @PostMapping("/social-reports/{id}/edit")
    String edit(@PathVariable Long id, @RequestParam(required = false) String title,
                @RequestParam(required = false) String content, @RequestParam(required = false) String category,
                @RequestParam(required = false) Long version, Model model) {
        try {
            reports.edit(id, new ReportForm(title, content, category), version);
        } catch (InvalidInput invalid) {
            return reportPage(reports.get(id), FormErrors.of(invalid, messages), model);
        }
        return "redirect:/social-reports/" + id;
    }

    @PostMapping("/social-reports/{id}/adopt")
    String adopt(@PathVariable Long id, @RequestParam(required = false) String level,
                 @RequestParam(required = false) Long version, Model model) {
        AdoptionLevel l;
        try {
            l = level == null || level.isBlank() ? null : AdoptionLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            return reportPage(reports.get(id), FormErrors.of(InvalidInput.field("level", "validation.unknownValue"), messages),
                    model);
        }
        reports.adopt(id, l, version);
        return "redirect:/social-reports/" + id;
    }

    @PostMapping("/social-reports/{id}/reject")
    String reject(@PathVariable Long id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Long version, Model model) {
        try {
            reports.reject(id, reason, version);
        } catch (InvalidInput invalid) {
            return reportPage(reports.get(id), FormErrors.of(invalid, messages), model);
        }
        return "redirect:/social-reports/" + id;
    }

    @PostMapping("/social-reports/{id}/withdraw-adoption")
    String withdrawAdoption(@PathVariable Long id, @RequestParam(required = false) String reason,
                            @RequestParam(required = false) Long version, Model model) {
        try {
            reports.withdrawAdoption(id, reason, version);
        } catch (InvalidInput invalid) {
            return reportPage(reports.get(id), FormErrors.of(invalid, messages), model);
        }
        return "redirect:/social-reports/" + id;
    }

    @PostMapping("/social-reports/{id}/comments")
    String comment(@PathVariable Long id, @RequestParam(required = false) String content, Model model) {
        try {
            reports.comment(id, content);
        } catch (InvalidInput invalid) {
            return reportPage(reports.get(id), FormErrors.of(invalid, messages), model);
        }
        return "redirect:/social-reports/" + id + "#comments";
    }

    @PostMapping("/social-reports/{id}/attachments")
    String attach(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  Model model) {
        try {
            attachments.add(id, file);
        } catch (InvalidInput invalid) {
            return reportPage(reports.get(id), FormErrors.of(invalid, messages), model);
        }
        return "redirect:/social-reports/" + id + "#attachments";
    }

    @GetMapping("/social-reports/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@PathVariable Long id, @PathVariable Long attachmentId) throws IOException {
        return SocialReportApiController.download(attachments.get(id, attachmentId));
    }

    private String reportPage(ReportView view, FormErrors errors, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("report", view);
        model.addAttribute("mayAttach", view.status() == ReportStatus.SUBMITTED && (SocialReportAccess.mayDecide(user)
                || (user.memberId() != null && user.memberId().equals(view.authorMemberId()))));
        model.addAttribute("mayDecide", SocialReportAccess.mayDecide(user) && view.status() == ReportStatus.SUBMITTED);
        model.addAttribute("mayWithdraw", SocialReportAccess.mayDecide(user) && view.status() == ReportStatus.ADOPTED);
        model.addAttribute("mayComment", SocialReportAccess.mayComment(user) && view.status() == ReportStatus.ADOPTED);
        model.addAttribute("levels", List.of(AdoptionLevel.values()));
        model.addAttribute("categories", categories());
        model.addAttribute("errors", errors);
        return "socialreport/report";
    }

    // --- figures ---

    @GetMapping("/social-reports/figures")
    String figures(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("figures", figures.figures(year));
        model.addAttribute("levels", List.of(AdoptionLevel.values()));
        return "socialreport/figures";
    }

    @GetMapping("/social-reports/figures/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
        byte[] xlsx = figures.export(year);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"social-reports.xlsx\"")
                .body(xlsx);
    }

    private List<String> categories() {
        return Arrays.stream(messages.get("socialreport.categories").split(",")).map(String::strip).toList();
    }
}
