package org.xieshang.member.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.committee.ReferenceData;
import org.xieshang.committee.ReferenceData.SectorView;
import org.xieshang.member.internal.MemberService.MemberView;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Paging;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * The member pages: a list searched as you type, a member's facts and history, the forms of the
 * committee office, and the two-step Excel import. Thin: every rule is in {@link MemberService}
 * and {@link MemberImport}.
 */
@PageController
class MemberPages implements NavContributor {

    static final int PAGE_SIZE = 20;
    /** The uploaded workbook between preview and confirmation. */
    static final String PENDING_IMPORT = MemberPages.class.getName() + ".pendingImport";

    record PendingImport(String filename, byte[] content) implements Serializable {
    }

    private final MemberService members;
    private final MemberImport importer;
    private final ReferenceData reference;
    private final Messages messages;

    MemberPages(MemberService members, MemberImport importer, ReferenceData reference, Messages messages) {
        this.members = members;
        this.importer = importer;
        this.reference = reference;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC)
                ? List.of(new NavItem("nav.members", "/members", 10)) : List.of();
    }

    // --- list ---

    @GetMapping("/members")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sectorId,
                @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        model.addAttribute("listing", listing(q, sectorId, status, page));
        model.addAttribute("sectors", reference.sectors());
        return "member/list";
    }

    /** The result table alone, for htmx: the address bar follows the filter. */
    @GetMapping("/members/table")
    String table(@RequestParam(required = false) String q, @RequestParam(required = false) String sectorId,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String page,
                 Model model, HttpServletResponse response) {
        MemberListing listing = listing(q, sectorId, status, page);
        response.setHeader("HX-Replace-Url", listing.filter().link(listing.page()));
        model.addAttribute("listing", listing);
        return "member/results";
    }

    private MemberListing listing(String q, String sectorId, String status, String page) {
        MemberListing.Filter filter = MemberListing.Filter.parse(q, sectorId, status);
        int p = 0;
        try {
            p = page == null || page.isBlank() ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException ignored) {
            // not a page number: the first page
        }
        var found = members.search(filter.q(), filter.sectorId(), filter.status(),
                Paging.clamped(p, PAGE_SIZE, Sort.by("name", "id")));
        return MemberListing.of(found, filter, sectorNames());
    }

    // --- detail ---

    @GetMapping("/members/{id:\\d+}")
    String detail(@PathVariable Long id, Model model) {
        MemberView member = members.get(id);
        model.addAttribute("member", member);
        model.addAttribute("sectorName", sectorNames().getOrDefault(member.sectorId(), ""));
        model.addAttribute("specialCommitteeName", member.specialCommitteeId() == null ? null
                : specialCommitteeNames().get(member.specialCommitteeId()));
        List<MemberHistory.Entry> history = members.seesDetails(id)
                ? new MemberHistory(messages, sectorNames(), specialCommitteeNames()).entries(members.history(id))
                : null;
        model.addAttribute("history", history);
        return "member/detail";
    }

    // --- create and edit (committee office) ---

    @GetMapping("/members/new")
    String createForm(Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        return form(model, MemberForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/members")
    String create(@ModelAttribute MemberForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            MemberView created = members.create(form.data());
            redirect.addFlashAttribute("notice", messages.get("member.created", created.name()));
            return "redirect:/members/" + created.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(invalid, messages), null);
        }
    }

    @GetMapping("/members/{id:\\d+}/edit")
    String editForm(@PathVariable Long id, Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        return form(model, MemberForm.of(members.get(id)), FormErrors.none(), id);
    }

    @PostMapping("/members/{id:\\d+}")
    String edit(@PathVariable Long id, @ModelAttribute MemberForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            MemberView saved = members.replace(id, form.parsedVersion(), form.data(), form.parsedStatus());
            redirect.addFlashAttribute("notice", messages.get("member.saved", saved.name()));
            return "redirect:/members/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(invalid, messages), id);
        } catch (Conflict conflict) {
            response.setStatus(409);
            return form(model, form, FormErrors.general(messages.get(conflict.messageKey(), conflict.args())), id);
        }
    }

    private String form(Model model, MemberForm form, FormErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("memberId", id);
        model.addAttribute("sectors", reference.sectors());
        model.addAttribute("specialCommittees", specialCommitteeNames());
        return "member/form";
    }

    // --- import: upload, preview, confirm ---

    @GetMapping("/members/import")
    String importForm(Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        return importPage(model, null, FormErrors.none(), null);
    }

    @GetMapping("/members/import/template")
    ResponseEntity<byte[]> template() {
        CurrentUsers.requireAny(Role.ADMIN);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("members-template.xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(importer.template());
    }

    /** Step one: keep the file in the session and show what it would import. */
    @PostMapping("/members/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model,
                  HttpServletResponse response) throws IOException {
        CurrentUsers.requireAny(Role.ADMIN);
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            return importPage(model, null, FormErrors.of(InvalidInput.field("file", "validation.required"), messages), null);
        }
        session.setAttribute(PENDING_IMPORT, new PendingImport(file.getOriginalFilename(), file.getBytes()));
        return "redirect:/members/import/preview";
    }

    @GetMapping("/members/import/preview")
    String preview(HttpSession session, Model model, HttpServletResponse response) {
        CurrentUsers.requireAny(Role.ADMIN);
        PendingImport pending = (PendingImport) session.getAttribute(PENDING_IMPORT);
        if (pending == null) {
            return "redirect:/members/import";
        }
        try {
            return importPage(model, importer.preview(new ByteArrayInputStream(pending.content())), FormErrors.none(),
                    pending.filename());
        } catch (InvalidInput invalid) {
            session.removeAttribute(PENDING_IMPORT);
            response.setStatus(400);
            return importPage(model, null, FormErrors.of(invalid, messages), null);
        }
    }

    /** Step two: import every row of the kept file, or none. */
    @PostMapping("/members/import/confirm")
    String confirm(HttpSession session, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentUsers.requireAny(Role.ADMIN);
        PendingImport pending = (PendingImport) session.getAttribute(PENDING_IMPORT);
        if (pending == null) {
            response.setStatus(409);
            return importPage(model, null, FormErrors.general(messages.get("member.import.expired")), null);
        }
        try {
            MemberImport.Outcome outcome = importer.commit(new ByteArrayInputStream(pending.content()));
            if (outcome.rejected().isEmpty()) {
                session.removeAttribute(PENDING_IMPORT);
                redirect.addFlashAttribute("notice", messages.get("member.import.done", outcome.imported()));
                return "redirect:/members";
            }
            // the committee changed since the preview (a member added, a sector renamed): show it again
            response.setStatus(409);
            return importPage(model, importer.preview(new ByteArrayInputStream(pending.content())),
                    FormErrors.general(messages.get("member.import.rejected")), pending.filename());
        } catch (InvalidInput invalid) {
            session.removeAttribute(PENDING_IMPORT);
            response.setStatus(400);
            return importPage(model, null, FormErrors.of(invalid, messages), null);
        }
    }

    private String importPage(Model model, MemberImport.Preview preview, FormErrors errors, String filename) {
        model.addAttribute("preview", preview);
        model.addAttribute("errors", errors);
        model.addAttribute("filename", filename);
        return "member/import";
    }

    private Map<Long, String> sectorNames() {
        return reference.sectors().stream().collect(Collectors.toMap(SectorView::id, SectorView::name));
    }

    private Map<Long, String> specialCommitteeNames() {
        Map<Long, String> names = new TreeMap<>();
        reference.specialCommitteeIdsByName().forEach((name, id) -> names.put(id, name));
        return names;
    }
}
