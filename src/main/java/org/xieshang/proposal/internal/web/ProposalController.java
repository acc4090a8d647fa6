package org.xieshang.proposal.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.proposal.ProposalStatus;
import org.xieshang.proposal.internal.ConversionKind;
import org.xieshang.proposal.internal.HandlingMode;
import org.xieshang.proposal.internal.HandlingType;
import org.xieshang.proposal.internal.ProposalText;
import org.xieshang.proposal.internal.Rating;
import org.xieshang.proposal.internal.attachment.AttachmentStore;
import org.xieshang.proposal.internal.handling.ProposalHandling;
import org.xieshang.proposal.internal.query.ProposalQueries;
import org.xieshang.proposal.internal.query.ProposalQueries.SettingsView;
import org.xieshang.proposal.internal.query.ProposalSearch;
import org.xieshang.proposal.internal.query.ProposalViews.AttachmentView;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalSummary;
import org.xieshang.proposal.internal.review.ProposalReview;
import org.xieshang.proposal.internal.settings.ProposalConfiguration;
import org.xieshang.proposal.internal.submission.ProposalSubmission;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;

/** The proposal API (API.md "Proposals"). Every action answers the case as it now stands. */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "Proposals")
class ProposalController {

    record DraftBody(String title, String background, String suggestions, String category, Long sessionId,
                     Boolean duringPlenary, List<Long> coSignerMemberIds) {
        ProposalText text() {
            return new ProposalText(title, background, suggestions, category, sessionId, duringPlenary);
        }
    }

    record CollectiveBody(String title, String background, String suggestions, String category, Long sessionId,
                          Boolean duringPlenary, String collectiveName, Long convenerMemberId) {
    }

    record CosignBody(Boolean accept) {
    }

    record ReasonBody(String reason) {
    }

    record ReviewBody(ProposalReview.Decision decision, String reason, String ground) {
    }

    record ConvertBody(ConversionKind kind, Long unitId, String note) {
    }

    record MergeBody(Long intoId) {
    }

    record AssignBody(Long leadUnitId, List<Long> coUnitIds, LocalDate dueDate, HandlingMode handlingMode) {
    }

    record ExtendBody(LocalDate dueDate, String reason) {
    }

    record RecordBody(HandlingType type, LocalDate date, String content) {
    }

    record ContentBody(String content) {
    }

    record ReplyBody(String category, String content, Long unitId) {
    }

    record SignoffBody(Boolean approve, String reason, Long unitId) {
    }

    record ReplyReviewBody(Boolean approve, String category, String reason, Long unitId) {
    }

    record EvaluationBody(Rating attitude, Rating result, String comment, Long unitId) {
    }

    record PublishBody(Boolean published, Boolean confidential) {
    }

    private final ProposalSubmission submission;
    private final ProposalReview review;
    private final ProposalHandling handling;
    private final ProposalQueries queries;
    private final ProposalConfiguration configuration;
    private final AttachmentStore attachments;
    private final ProposalSearch search;

    record TextBody(String title, String background, String suggestions) {
        String body() {
            return (background == null ? "" : background) + "\n" + (suggestions == null ? "" : suggestions);
        }
    }

    ProposalController(ProposalSubmission submission, ProposalReview review, ProposalHandling handling,
                       ProposalQueries queries, ProposalConfiguration configuration, AttachmentStore attachments,
                       ProposalSearch search) {
        this.search = search;
        this.submission = submission;
        this.review = review;
        this.handling = handling;
        this.queries = queries;
        this.configuration = configuration;
        this.attachments = attachments;
    }

    @PostMapping
    ResponseEntity<ProposalDetail> create(@RequestBody DraftBody body) {
        Long id = submission.draft(body.text(), body.coSignerMemberIds());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    @PostMapping("/collective")
    ResponseEntity<ProposalDetail> collective(@RequestBody CollectiveBody b) {
        Long id = submission.collective(new ProposalText(b.title(), b.background(), b.suggestions(), b.category(),
                b.sessionId(), b.duringPlenary()), b.collectiveName(), b.convenerMemberId());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    @GetMapping
    CaseList list(@RequestParam(required = false) ProposalStatus status,
                                       @RequestParam(required = false) Long unitId,
                                       @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String category,
                                       @RequestParam(required = false) Boolean key,
                                       @RequestParam(required = false) Boolean mine,
                                       @RequestParam(required = false) String q,
                                       @RequestParam(required = false) String replyCategory,
                                       @RequestParam(required = false) Boolean implemented,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String cursor) {
        ProposalQueries.Listed found = queries.listing(new ProposalQueries.Filter(status, unitId, year, category, key,
                        mine, q, replyCategory, implemented),
                Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")), cursor);
        PageResponse<ProposalSummary> body = PageResponse.of(found.page(), s -> s);
        return new CaseList(body.items(), body.page(), body.size(), body.total(), found.totalExact(), found.nextCursor());
    }

    /**
     * API.md's list envelope plus two added fields: {@code totalExact} (false when the count stopped at
     * 10,000 and {@code total} means "more") and {@code nextCursor} (pass it as {@code cursor} for the
     * next page; null on the last page and for full-text searches).
     */
    record CaseList(List<ProposalSummary> items, int page, int size, long total, boolean totalExact, String nextCursor) {
    }

    @GetMapping("/settings")
    SettingsView settings() {
        return queries.settings();
    }

    @PutMapping("/settings")
    SettingsView changeSettings(@RequestBody SettingsView body) {
        return configuration.change(body);
    }

    /** The committee's cases most similar to this one, score in [0, 1], most similar first (staff). */
    @GetMapping("/{id}/similar")
    java.util.Map<String, Object> similar(@PathVariable Long id,
                                                              @RequestParam(defaultValue = "10") int limit) {
        return java.util.Map.of("items", search.relatedTo(id, Math.max(1, Math.min(limit, 50))), "minScore", search.minScore());
    }

    /** Similar earlier cases for a text being written (the submission form). */
    @PostMapping("/similar-to-text")
    java.util.Map<String, Object> similarToText(@RequestBody TextBody body,
                                                                    @RequestParam(defaultValue = "5") int limit) {
        return java.util.Map.of("items", search.relatedToText(body.title(), body.body(), Math.max(1, Math.min(limit, 20))),
                "minScore", search.minScore());
    }

    /** Units that handled the most similar past cases (at assignment). */
    @GetMapping("/{id}/unit-suggestions")
    java.util.Map<String, List<ProposalSearch.UnitSuggestion>> unitSuggestions(@PathVariable Long id) {
        return java.util.Map.of("items", search.unitsFor(id));
    }

    /** The likely category of a text being written. */
    @PostMapping("/category-suggestion")
    ProposalSearch.CategorySuggestion categorySuggestion(@RequestBody TextBody body) {
        return search.categoryFor(body.title(), body.body());
    }

    @GetMapping("/{id}")
    ProposalDetail get(@PathVariable Long id) {
        return queries.detail(id);
    }

    @PatchMapping("/{id}")
    ProposalDetail edit(@PathVariable Long id, @RequestBody DraftBody body) {
        submission.edit(id, body.text(), body.coSignerMemberIds());
        return queries.detail(id);
    }

    @PostMapping("/{id}/submit")
    ProposalDetail submit(@PathVariable Long id) {
        submission.submit(id);
        return queries.detail(id);
    }

    /** Accepting answers the case; declining answers 204, since the co-signer leaves it and no longer sees it. */
    @PostMapping("/{id}/cosign")
    ResponseEntity<ProposalDetail> cosign(@PathVariable Long id, @RequestBody CosignBody body) {
        submission.cosign(id, body.accept());
        return Boolean.TRUE.equals(body.accept()) ? ResponseEntity.ok(queries.detail(id)) : ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/withdraw")
    ProposalDetail withdraw(@PathVariable Long id, @RequestBody(required = false) ReasonBody body) {
        submission.withdraw(id, body == null ? null : body.reason());
        return queries.detail(id);
    }

    @PostMapping("/{id}/review")
    ProposalDetail review(@PathVariable Long id, @RequestBody ReviewBody body) {
        review.review(id, body.decision(), body.reason(), body.ground());
        return queries.detail(id);
    }

    @PostMapping("/{id}/convert")
    ProposalDetail convert(@PathVariable Long id, @RequestBody ConvertBody body) {
        review.convert(id, body.kind(), body.unitId(), body.note());
        return queries.detail(id);
    }

    @PostMapping("/{id}/merge")
    ProposalDetail merge(@PathVariable Long id, @RequestBody MergeBody body) {
        review.merge(id, body.intoId());
        return queries.detail(id);
    }

    @PostMapping("/{id}/assign")
    ProposalDetail assign(@PathVariable Long id, @RequestBody AssignBody body) {
        review.assign(id, body.handlingMode(), body.leadUnitId(), body.coUnitIds(), body.dueDate());
        return queries.detail(id);
    }

    @PostMapping("/{id}/reassignment-requests")
    ResponseEntity<ProposalDetail> requestReassignment(@PathVariable Long id, @RequestBody ReasonBody body) {
        review.requestReassignment(id, body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    @PostMapping("/{id}/due-date")
    ProposalDetail extend(@PathVariable Long id, @RequestBody ExtendBody body) {
        review.extendDue(id, body.dueDate(), body.reason());
        return queries.detail(id);
    }

    @PostMapping("/{id}/publication")
    ProposalDetail publish(@PathVariable Long id, @RequestBody PublishBody body) {
        review.publish(id, body.published(), body.confidential());
        return queries.detail(id);
    }

    @PostMapping("/{id}/accept")
    ProposalDetail accept(@PathVariable Long id) {
        handling.accept(id);
        return queries.detail(id);
    }

    @PostMapping("/{id}/handling-records")
    ResponseEntity<ProposalDetail> record(@PathVariable Long id, @RequestBody RecordBody body) {
        handling.record(id, body.type(), body.date(), body.content());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    @PostMapping("/{id}/co-opinions")
    ResponseEntity<ProposalDetail> coOpinion(@PathVariable Long id, @RequestBody ContentBody body) {
        handling.coOpinion(id, body.content());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    @PostMapping("/{id}/reply")
    ProposalDetail reply(@PathVariable Long id, @RequestBody ReplyBody body) {
        handling.reply(id, body.unitId(), body.category(), body.content());
        return queries.detail(id);
    }

    @PostMapping("/{id}/reply-signoff")
    ProposalDetail replySignoff(@PathVariable Long id, @RequestBody SignoffBody body) {
        handling.signOff(id, body.unitId(), body.approve(), body.reason());
        return queries.detail(id);
    }

    @PostMapping("/{id}/reply-review")
    ProposalDetail replyReview(@PathVariable Long id, @RequestBody ReplyReviewBody body) {
        handling.reviewReply(id, body.unitId(), body.approve(), body.category(), body.reason());
        return queries.detail(id);
    }

    @PostMapping("/{id}/evaluation")
    ResponseEntity<ProposalDetail> evaluate(@PathVariable Long id, @RequestBody EvaluationBody body) {
        handling.evaluate(id, body.unitId(), body.attitude(), body.result(), body.comment());
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    @PostMapping("/{id}/implementation-report")
    ProposalDetail implemented(@PathVariable Long id, @RequestBody ContentBody body) {
        handling.reportImplemented(id, body.content());
        return queries.detail(id);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> attach(@PathVariable Long id, @RequestPart("file") MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.add(id, file));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@PathVariable Long id, @PathVariable Long attachmentId) throws IOException {
        AttachmentStore.Stored stored = attachments.get(id, attachmentId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .contentLength(Files.size(stored.path()))
                .body(new FileSystemResource(stored.path()));
    }
}
