package org.xieshang.proposal.internal.web;

import static org.xieshang.shared.web.FormFields.blank;
import static org.xieshang.shared.web.FormFields.bool;
import static org.xieshang.shared.web.FormFields.choice;
import static org.xieshang.shared.web.FormFields.date;
import static org.xieshang.shared.web.FormFields.id;
import static org.xieshang.shared.web.FormFields.number;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.ConversionKind;
import org.xieshang.proposal.internal.HandlingMode;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.attachment.AttachmentStore;
import org.xieshang.proposal.internal.handling.ProposalHandling;
import org.xieshang.proposal.internal.query.ProposalQueries;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalSummary;
import org.xieshang.proposal.internal.review.ProposalReview;
import org.xieshang.proposal.internal.submission.ProposalSubmission;
import org.xieshang.proposal.internal.web.ProposalPageViews.Listing;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Paging;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.ActionForm;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageActions;
import org.xieshang.shared.web.PageController;

/**
 * The proposal pages: members write, submit and rate; staff review, assign and check replies;
 * units handle and reply; everyone signed in searches. Thin: every rule is in the use cases
 * ({@link ProposalSubmission}, {@link ProposalReview}, {@link ProposalHandling}), and what a case
 * page offers comes from the state machine ({@link ProposalPageQueries#casePage}).
 */
@PageController
class ProposalPages implements NavContributor {

    static final int PAGE_SIZE = 20;
    private static final Sort NEWEST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

    private final ProposalSubmission submission;
    private final ProposalReview review;
    private final ProposalHandling handling;
    private final ProposalQueries queries;
    private final ProposalPageQueries pages;
    private final AttachmentStore attachments;
    private final Messages messages;

    ProposalPages(ProposalSubmission submission, ProposalReview review, ProposalHandling handling,
                  ProposalQueries queries, ProposalPageQueries pages, AttachmentStore attachments, Messages messages) {
        this.submission = submission;
        this.review = review;
        this.handling = handling;
        this.queries = queries;
        this.pages = pages;
        this.attachments = attachments;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (user.has(Role.MEMBER) && user.memberId() != null) {
            items.add(new NavItem("proposal.page.nav.mine", "/proposals/mine", 20));
            items.add(new NavItem("proposal.page.nav.cosign", "/proposals/cosign", 21));
        }
        if (user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF)) {
            items.add(new NavItem("proposal.page.nav.review", "/proposals/review", 30));
            items.add(new NavItem("proposal.page.nav.assignment", "/proposals/assignment", 31));
            items.add(new NavItem("proposal.page.nav.replies", "/proposals/replies", 32));
        }
        if (user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC)) {
            items.add(new NavItem("proposal.page.nav.all", "/proposals/all", 33));
        }
        if (user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && user.unitId() != null) {
            items.add(new NavItem("proposal.page.nav.unit", "/proposals/unit", 40));
        }
        items.add(new NavItem("proposal.page.nav.search", "/search", 70));
        return items;
    }

    // --- members: their cases, the submission form, co-sign requests ---

    @GetMapping("/proposals/mine")
    String mine(@RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        requireMember();
        ProposalStatus s = status(status);
        model.addAttribute("listing", listing("/proposals/mine",
                new ProposalQueries.Filter(s, null, null, null, null, true, null), params("status", s), page));
        model.addAttribute("cosignCount", pages.pendingCosigns().size());
        return "proposal/mine";
    }

    @GetMapping("/proposals/new")
    String createForm(Model model) {
        requireMember();
        return form(model, ProposalForm.empty(pages.currentSessionId()), FormErrors.none(), null);
    }

    @PostMapping("/proposals")
    String create(@ModelAttribute ProposalForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            Long id = submission.draft(form.text(), form.coSigners());
            redirect.addFlashAttribute("notice", messages.get("proposal.page.done.draft"));
            return "redirect:/proposals/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(invalid, messages), null);
        }
    }

    @GetMapping("/proposals/{id:\\d+}/edit")
    String editForm(@PathVariable Long id, Model model) {
        return form(model, ProposalForm.of(pages.editable(id)), FormErrors.none(), id);
    }

    @PostMapping("/proposals/{id:\\d+}/edit")
    String edit(@PathVariable Long id, @ModelAttribute ProposalForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            submission.edit(id, form.text(), form.coSigners());
            redirect.addFlashAttribute("notice", messages.get("proposal.page.done.edit"));
            return "redirect:/proposals/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return form(model, form, FormErrors.of(invalid, messages), id);
        }
    }

    private String form(Model model, ProposalForm form, FormErrors errors, Long id) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("proposalId", id);
        model.addAttribute("options", pages.options());
        model.addAttribute("members", pages.coSignerChoices());
        return "proposal/form";
    }

    /** While the member writes: similar earlier cases and the likely category (htmx, debounced). */
    @PostMapping("/proposals/similar")
    String similar(@RequestParam(required = false) String title, @RequestParam(required = false) String background,
                   @RequestParam(required = false) String suggestions, Model model) {
        String t = title == null ? "" : title;
        String body = (background == null ? "" : background) + "\n" + (suggestions == null ? "" : suggestions);
        boolean enough = (t + body).strip().length() >= 4;
        model.addAttribute("similar", enough ? pages.similarToText(t, body) : List.of());
        model.addAttribute("category", enough ? pages.likelyCategory(t, body) : null);
        model.addAttribute("asked", enough);
        model.addAttribute("minPercent", pages.minSimilarityPercent());
        return "proposal/similar";
    }

    @GetMapping("/proposals/cosign")
    String cosignRequests(Model model) {
        model.addAttribute("requests", pages.pendingCosigns());
        return "proposal/cosign";
    }

    // --- staff work lists ---

    @GetMapping("/proposals/review")
    String reviewQueue(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                       Model model) {
        requireStaff();
        ProposalStatus s = ProposalStatus.NOT_FILED.name().equals(status) ? ProposalStatus.NOT_FILED : ProposalStatus.SUBMITTED;
        model.addAttribute("listing", listing("/proposals/review", new ProposalQueries.Filter(s, null, null, null, null,
                null, null), params("status", s == ProposalStatus.SUBMITTED ? null : s), page));
        model.addAttribute("status", s);
        return "proposal/review";
    }

    @GetMapping("/proposals/assignment")
    String assignmentQueue(@RequestParam(required = false) String page, Model model) {
        requireStaff();
        model.addAttribute("listing", listing("/proposals/assignment", new ProposalQueries.Filter(ProposalStatus.FILED,
                null, null, null, null, null, null), Map.of(), page));
        model.addAttribute("reassignments", pages.openReassignments());
        return "proposal/assignment";
    }

    @GetMapping("/proposals/replies")
    String replyQueue(@RequestParam(required = false) String page, Model model) {
        requireStaff();
        // the office reviews what the unit's head has signed (as its to-do counts); the rest still waits for the head
        model.addAttribute("listing", listing("/proposals/replies", new ProposalQueries.Filter(ProposalStatus.REPLY_REVIEW,
                null, null, null, null, null, null, null, null, true), Map.of(), page));
        model.addAttribute("awaitingHead", queries.listing(new ProposalQueries.Filter(ProposalStatus.REPLY_REVIEW,
                null, null, null, null, null, null, null, null, false), PageRequest.of(0, 1), null).page().getTotalElements());
        return "proposal/replies";
    }

    // --- units ---

    @GetMapping("/proposals/unit")
    String unitInbox(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                     Model model) {
        CurrentUser user = CurrentUsers.requireAny(Role.UNIT_HANDLER, Role.UNIT_HEAD);
        if (user.unitId() == null) {
            throw new Forbidden();
        }
        ProposalStatus s = status(status);
        model.addAttribute("listing", listing("/proposals/unit", new ProposalQueries.Filter(s, user.unitId(), null, null,
                null, null, null), params("status", s), page));
        model.addAttribute("unitId", user.unitId());
        return "proposal/unit";
    }

    // --- lists with filters and full-text search ---

    @GetMapping({"/search", "/proposals/all"})
    String search(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request, Model model) {
        String path = request.getRequestURI().startsWith("/search") ? "/search" : "/proposals/all";
        model.addAttribute("listing", searchListing(path, query));
        model.addAttribute("options", pages.options());
        model.addAttribute("years", pages.years());
        model.addAttribute("path", path);
        return "proposal/search";
    }

    /** The results alone, for htmx: the address bar follows the filter. */
    @GetMapping({"/search/results", "/proposals/all/results"})
    String searchResults(@RequestParam Map<String, String> query, jakarta.servlet.http.HttpServletRequest request,
                         Model model, HttpServletResponse response) {
        String path = request.getRequestURI().startsWith("/search") ? "/search" : "/proposals/all";
        Listing listing = searchListing(path, query);
        response.setHeader("HX-Replace-Url", listing.link(listing.page()));
        model.addAttribute("listing", listing);
        return "proposal/results";
    }

    private Listing searchListing(String path, Map<String, String> query) {
        String q = blank(query.get("q"));
        if (q != null && q.length() > 200) {
            q = q.substring(0, 200);
        }
        Integer year = number(query.get("year"));
        if (year != null && (year < 1949 || year > 2200)) {
            year = null; // a year typed into the address bar that makes no sense is just not applied
        }
        Long unitId = null;
        try {
            unitId = blank(query.get("unitId")) == null ? null : Long.valueOf(query.get("unitId").strip());
        } catch (NumberFormatException ignored) {
            // not a unit: no unit filter
        }
        ProposalStatus status = status(query.get("status"));
        String category = blank(query.get("category"));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("year", year == null ? null : year.toString());
        params.put("status", status == null ? null : status.name());
        params.put("category", category);
        params.put("unitId", unitId == null ? null : unitId.toString());
        // B replies followed until done (links from the to-do list)
        String replyCategory = blank(query.get("replyCategory"));
        Boolean implemented = blank(query.get("implemented")) == null ? null : Boolean.valueOf(query.get("implemented").strip());
        params.put("replyCategory", replyCategory);
        params.put("implemented", implemented == null ? null : implemented.toString());
        return listing(path, new ProposalQueries.Filter(status, unitId, year, category, null, null, q, replyCategory,
                implemented), params, query.get("page"));
    }

    // --- one case ---

    @GetMapping("/proposals/{id:\\d+}")
    String detail(@PathVariable Long id, Model model) {
        return casePage(id, model, ActionForm.none());
    }

    /** The merge candidates of a case under review (htmx, loaded after the case page). */
    @GetMapping("/proposals/{id:\\d+}/merge-candidates")
    String mergeCandidates(@PathVariable Long id, Model model) {
        model.addAttribute("base", "/proposals/" + id);
        model.addAttribute("similar", pages.mergeCandidates(id));
        model.addAttribute("minPercent", pages.minSimilarityPercent());
        return "proposal/mergeCandidates";
    }

    /** The units that handled similar cases, at assignment (htmx, loaded after the case page). */
    @GetMapping("/proposals/{id:\\d+}/unit-hints")
    String unitHints(@PathVariable Long id, Model model) {
        model.addAttribute("hints", pages.unitHints(id));
        return "proposal/unitHints";
    }

    /** The case file for paper: no navigation, no forms. */
    @GetMapping("/proposals/{id:\\d+}/print")
    String print(@PathVariable Long id, Model model) {
        model.addAttribute("view", pages.printPage(id));
        return "proposal/print";
    }

    @GetMapping("/proposals/{id:\\d+}/attachments/{attachmentId:\\d+}")
    ResponseEntity<Resource> attachment(@PathVariable Long id, @PathVariable Long attachmentId) throws IOException {
        AttachmentStore.Stored stored = attachments.get(id, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .contentLength(Files.size(stored.path()))
                .body(new FileSystemResource(stored.path()));
    }

    @PostMapping("/proposals/{id:\\d+}/attachments")
    String attach(@PathVariable Long id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return act(id, "attach", form, model, response, redirect, () -> {
            attachments.add(id, file);
            return messages.get("proposal.page.done.attach", file.getOriginalFilename());
        });
    }

    @PostMapping("/proposals/{id:\\d+}/submit")
    String submit(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "submit", form, model, response, redirect, () -> {
            submission.submit(id);
            return messages.get("proposal.page.done.submit");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/withdraw")
    String withdraw(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "withdraw", form, model, response, redirect, () -> {
            String reason = blank(form.getFirst("reason"));
            if (reason != null && reason.length() > 4000) {
                throw InvalidInput.field("reason", "validation.length", 0, 4000);
            }
            submission.withdraw(id, reason);
            return messages.get("proposal.page.done.withdraw");
        });
    }

    /** A co-signer's answer; one who declines no longer sees the case, so both go back to the requests. */
    @PostMapping("/proposals/{id:\\d+}/cosign")
    String cosign(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        String answer = act(id, "cosign", form, model, response, redirect, () -> {
            Boolean accept = bool(form.getFirst("accept"), "accept");
            submission.cosign(id, accept);
            return messages.get(Boolean.TRUE.equals(accept) ? "proposal.page.done.cosignAccepted"
                    : "proposal.page.done.cosignDeclined");
        });
        return answer.startsWith("redirect:") ? "redirect:/proposals/cosign" : answer;
    }

    @PostMapping("/proposals/{id:\\d+}/review")
    String review(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ProposalReview.Decision decision = "NOT_FILE".equals(form.getFirst("decision")) ? ProposalReview.Decision.NOT_FILE
                : "FILE".equals(form.getFirst("decision")) ? ProposalReview.Decision.FILE : null;
        return act(id, decision == ProposalReview.Decision.NOT_FILE ? "notFile" : "file", form, model, response, redirect,
                () -> {
                    review.review(id, decision, blank(form.getFirst("reason")),
                            decision == ProposalReview.Decision.NOT_FILE ? nonNull(form.getFirst("ground")) : null);
                    return messages.get(decision == ProposalReview.Decision.NOT_FILE ? "proposal.page.done.notFile"
                            : "proposal.page.done.file");
                });
    }

    @PostMapping("/proposals/{id:\\d+}/merge")
    String merge(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "merge", form, model, response, redirect, () -> {
            review.merge(id, id(form.getFirst("intoId"), "intoId"));
            return messages.get("proposal.page.done.merge");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/convert")
    String convert(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "convert", form, model, response, redirect, () -> {
            ConversionKind kind = choice(ConversionKind.class, form.getFirst("kind"), "kind");
            review.convert(id, kind, kind == ConversionKind.MEMBER_LETTER ? id(form.getFirst("unitId"), "unitId") : null,
                    blank(form.getFirst("note")));
            return messages.get("proposal.page.done.convert");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/assign")
    String assign(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "assign", form, model, response, redirect, () -> {
            InvalidInput invalid = new InvalidInput();
            HandlingMode mode = choice(HandlingMode.class, form.getFirst("handlingMode"), "handlingMode");
            Long lead = id(form.getFirst("leadUnitId"), "leadUnitId");
            List<Long> coUnits = new ArrayList<>();
            for (String u : form.getOrDefault("coUnitIds", List.of())) {
                if (blank(u) != null) {
                    coUnits.add(id(u, "coUnitIds"));
                }
            }
            LocalDate due = date(form.getFirst("dueDate"), "dueDate", invalid);
            invalid.throwIfAny();
            review.assign(id, mode, lead, coUnits, due);
            // issue 17: a unit without an account cannot act; say so at once (the case page keeps saying it)
            List<Long> none = queries.detail(id).unitsWithoutAccount();
            return none.isEmpty() ? messages.get("proposal.page.done.assign")
                    : messages.get("proposal.page.done.assign") + " " + messages.get("casepages.assign.noAccountWarning",
                    String.join("、", none.stream().map(u -> pages.unitNames().getOrDefault(u, "#" + u)).toList()));
        });
    }

    @PostMapping("/proposals/{id:\\d+}/due-date")
    String extendDue(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "extendDue", form, model, response, redirect, () -> {
            InvalidInput invalid = new InvalidInput();
            LocalDate due = date(form.getFirst("dueDate"), "dueDate", invalid);
            invalid.throwIfAny();
            review.extendDue(id, due, blank(form.getFirst("reason")));
            return messages.get("proposal.page.done.extendDue");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/publication")
    String publish(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "publish", form, model, response, redirect, () -> {
            review.publish(id, "true".equals(form.getFirst("published")), "true".equals(form.getFirst("confidential")));
            return messages.get("proposal.page.done.publish");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/reassignment-requests")
    String requestReassignment(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                               HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "reassignment", form, model, response, redirect, () -> {
            review.requestReassignment(id, form.getFirst("reason"));
            return messages.get("proposal.page.done.reassignment");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/accept")
    String accept(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "accept", form, model, response, redirect, () -> {
            handling.accept(id);
            return messages.get("proposal.page.done.accept");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/handling-records")
    String record(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "record", form, model, response, redirect, () -> {
            InvalidInput invalid = new InvalidInput();
            HandlingType type = null;
            try {
                type = choice(HandlingType.class, form.getFirst("type"), "type");
            } catch (InvalidInput bad) {
                invalid.add("type", "validation.unknownValue");
            }
            LocalDate date = date(form.getFirst("date"), "date", invalid);
            invalid.throwIfAny();
            handling.record(id, type, date, form.getFirst("content"));
            return messages.get("proposal.page.done.record");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/co-opinions")
    String coOpinion(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "coOpinion", form, model, response, redirect, () -> {
            handling.coOpinion(id, form.getFirst("content"));
            return messages.get("proposal.page.done.coOpinion");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/reply")
    String reply(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "reply", form, model, response, redirect, () -> {
            handling.reply(id, blank(form.getFirst("category")), form.getFirst("content"));
            return messages.get("proposal.page.done.reply");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/reply-signoff")
    String replySignoff(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                        HttpServletResponse response, RedirectAttributes redirect) {
        boolean approve = "true".equals(form.getFirst("approve"));
        return act(id, approve ? "signReply" : "returnSignoff", form, model, response, redirect, () -> {
            handling.signOff(id, approve, form.getFirst("reason"));
            return messages.get(approve ? "signoff.page.done.signed" : "signoff.page.done.returned");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/reply-review")
    String replyReview(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        boolean approve = "true".equals(form.getFirst("approve"));
        return act(id, approve ? "approveReply" : "returnReply", form, model, response, redirect, () -> {
            handling.reviewReply(id, unitOf(form), approve, approve ? blank(form.getFirst("category")) : null, form.getFirst("reason"));
            return messages.get(approve ? "proposal.page.done.approveReply" : "proposal.page.done.returnReply");
        });
    }

    @PostMapping("/proposals/{id:\\d+}/evaluation")
    String evaluate(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "evaluate", form, model, response, redirect, () -> {
            InvalidInput invalid = new InvalidInput();
            Rating attitude = rating(form.getFirst("attitude"), "attitude", invalid);
            Rating result = rating(form.getFirst("result"), "result", invalid);
            invalid.throwIfAny();
            handling.evaluate(id, unitOf(form), attitude, result, blank(form.getFirst("comment")));
            return messages.get("proposal.page.done.evaluate");
        });
    }

    /** The part a split case's form names (its unit), or none. */
    private static Long unitOf(MultiValueMap<String, String> form) {
        String unit = blank(form.getFirst("unitId"));
        if (unit == null) {
            return null;
        }
        try {
            return Long.valueOf(unit);
        } catch (NumberFormatException e) {
            throw InvalidInput.field("unitId", "validation.typeMismatch");
        }
    }

    @PostMapping("/proposals/{id:\\d+}/implementation-report")
    String implemented(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "implemented", form, model, response, redirect, () -> {
            handling.reportImplemented(id, form.getFirst("content"));
            return messages.get("proposal.page.done.implemented");
        });
    }

    /**
     * Runs one action of a case page: after success back to the case with a notice (post-redirect-
     * get); refused input shows the page again with the errors next to the fields of that form, and
     * a refusal by the case's state as a message on that form. 403 and 404 become the error page.
     */
    private String act(Long id, String name, MultiValueMap<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect, Supplier<String> action) {
        return PageActions.attempt(name, form, messages, response, redirect, action, "/proposals/" + id,
                failed -> casePage(id, model, failed));
    }

    private String casePage(Long id, Model model, ActionForm failed) {
        model.addAttribute("view", pages.casePage(id));
        model.addAttribute("failed", failed);
        return "proposal/detail";
    }

    // --- helpers ---

    private Listing listing(String path, ProposalQueries.Filter filter, Map<String, String> params, String page) {
        Integer p = number(page);
        PageRequest request = Paging.clamped(p, PAGE_SIZE, NEWEST);
        boolean keyset = filter.q() == null || filter.q().isBlank();
        // the "next" links carry the cursor of the page shown; a bad one (an edited address) is ignored, as bad page numbers are
        String cursor = keyset ? cursorParameter() : null;
        ProposalQueries.Listed found;
        try {
            found = queries.listing(filter, request, cursor);
        } catch (InvalidInput badCursor) {
            if (cursor == null) {
                throw badCursor;
            }
            found = queries.listing(filter, request, null);
        }
        return Listing.of(found, keyset, path, params, pages.unitNames());
    }

    private static String cursorParameter() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes s
                ? s.getRequest().getParameter("cursor") : null;
    }

    private static Map<String, String> params(String name, Enum<?> value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(name, value == null ? null : value.name());
        return params;
    }

    private static void requireMember() {
        CurrentUser user = CurrentUsers.requireAny(Role.MEMBER);
        if (user.memberId() == null) {
            throw new Forbidden();
        }
    }

    private static void requireStaff() {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
    }

    /** Lenient: a status typed into the address bar that is none is just not filtered on. */
    private static ProposalStatus status(String value) {
        try {
            return blank(value) == null ? null : ProposalStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Rating rating(String value, String field, InvalidInput invalid) {
        try {
            Rating r = choice(Rating.class, value, field);
            if (r == null) {
                invalid.add(field, "validation.required");
            }
            return r;
        } catch (InvalidInput bad) {
            invalid.add(field, "validation.unknownValue");
            return null;
        }
    }
}
