package org.xieshang.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.committee.ReferenceData;
import org.xieshang.document.WordDocument;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.PageController;

/**
 * The office's page for opening accounts (issue 17, point 12): members without a login, filtered by
 * name and sector, selected on the page (select all on the page), created in one step by
 * {@link MemberAccounts} — the answer is the .docx of initial-password letters, one page per member.
 */
@PageController
class MemberAccountPages {

    static final int PAGE_SIZE = 50;

    private final MemberAccounts accounts;
    private final UserAccountRepository users;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Messages messages;

    MemberAccountPages(MemberAccounts accounts, UserAccountRepository users, MemberDirectory members,
                       ReferenceData reference, Messages messages) {
        this.accounts = accounts;
        this.users = users;
        this.members = members;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/users/member-accounts")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String sectorId,
                @RequestParam(required = false) String page, Model model) {
        return render(q, sectorId, page, FormErrors.none(), model);
    }

    @PostMapping("/users/member-accounts")
    String create(@RequestParam(name = "memberIds", required = false) List<String> memberIds,
                  @RequestParam(required = false) String q, @RequestParam(required = false) String sectorId,
                  @RequestParam(required = false) String page, Model model, HttpServletResponse response)
            throws java.io.IOException {
        try {
            List<Long> ids = memberIds == null ? List.of() : memberIds.stream().map(MemberAccountPages::id).toList();
            var created = accounts.create(ids);
            byte[] letters = accounts.letters(created);
            // the letters are the answer (as the API's): the browser saves them, the page stays
            response.setStatus(200);
            response.setContentType(WordDocument.CONTENT_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(messages.get("accountsPage.file") + ".docx", StandardCharsets.UTF_8).build().toString());
            response.setHeader("X-Accounts-Created", String.valueOf(created.size()));
            response.setContentLength(letters.length);
            response.getOutputStream().write(letters);
            response.flushBuffer();
            return null;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return render(q, sectorId, page, FormErrors.of(invalid, messages), model);
        } catch (Conflict none) {
            response.setStatus(409);
            return render(q, sectorId, page, FormErrors.general(messages.get(none.messageKey(), none.args())), model);
        }
    }

    private static Long id(String text) {
        try {
            return Long.valueOf(text.strip());
        } catch (RuntimeException e) {
            throw InvalidInput.field("memberIds", "validation.unknownMember", text);
        }
    }

    private String render(String q, String sectorId, String page, FormErrors errors, Model model) {
        CurrentUsers.requireAny(Role.ADMIN);
        String query = q == null ? "" : q.strip();
        Long sector = parse(sectorId);
        Long pageNo = parse(page);
        int p = pageNo == null ? 0 : (int) Math.max(0, Math.min(pageNo, 100_000));
        Set<Long> withAccount = new HashSet<>(users.memberIdsWithAccount());
        Map<Long, String> sectors = reference.sectors().stream()
                .collect(Collectors.toMap(ReferenceData.SectorView::id, ReferenceData.SectorView::name));
        List<MemberSummary> without = members.all().stream()
                .filter(m -> !withAccount.contains(m.id()))
                .filter(m -> query.isEmpty() || m.name().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT)))
                .filter(m -> sector == null || sector.equals(m.sectorId()))
                .toList();
        int pages = Math.max(1, (without.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(p, pages - 1);
        List<MemberAccountRow> rows = without.stream().skip((long) shown * PAGE_SIZE).limit(PAGE_SIZE)
                .map(m -> new MemberAccountRow(m.id(), m.name(), m.sectorId() == null ? "" : sectors.getOrDefault(m.sectorId(), ""),
                        messages.get("enum.MemberStatus." + m.status().name())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", without.size());
        model.addAttribute("page", shown);
        model.addAttribute("totalPages", pages);
        model.addAttribute("q", query);
        model.addAttribute("sectorId", sector);
        model.addAttribute("sectors", reference.sectors().stream().filter(s -> !s.retired()).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("filter", "q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (sector == null ? "" : "&sectorId=" + sector));
        return "identity/member-accounts";
    }

    private static Long parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
