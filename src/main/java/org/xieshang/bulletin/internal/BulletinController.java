package org.xieshang.bulletin.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;

/** Bulletins, leaders' comments and the units' follow-ups (API.md "Proposals"). */
@RestController
@Tag(name = "Bulletins")
class BulletinController {

    record BulletinBody(BulletinKind kind, String title, String content, List<Long> proposalIds,
                        List<Long> recipientUserIds) {
    }

    record CommentBody(String content, List<Long> unitIds) {
    }

    record DoneBody(String note, Long version) {
    }

    record AnswerBody(String answer, Long version) {
    }

    private final Bulletins bulletins;
    private final FollowUpAnswers answers;

    BulletinController(Bulletins bulletins, FollowUpAnswers answers) {
        this.bulletins = bulletins;
        this.answers = answers;
    }

    @PostMapping("/api/v1/bulletins")
    ResponseEntity<Bulletins.BulletinDetail> create(@RequestBody BulletinBody b) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(bulletins.create(b.kind(), b.title(), b.content(), b.proposalIds(), b.recipientUserIds()));
    }

    @GetMapping("/api/v1/bulletins")
    PageResponse<Bulletins.BulletinSummary> list(@RequestParam(required = false) Integer page,
                                                 @RequestParam(required = false) Integer size) {
        return PageResponse.of(bulletins.list(Paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"))), s -> s);
    }

    @GetMapping("/api/v1/bulletins/{id}")
    Bulletins.BulletinDetail get(@PathVariable Long id) {
        return bulletins.get(id);
    }

    @PostMapping("/api/v1/bulletins/{id}/comments")
    ResponseEntity<Bulletins.CommentView> comment(@PathVariable Long id, @RequestBody CommentBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bulletins.comment(id, body.content(), body.unitIds()));
    }

    @PostMapping("/api/v1/bulletins/{id}/follow-ups/{followUpId}/done")
    Bulletins.FollowUpView done(@PathVariable Long id, @PathVariable Long followUpId,
                                @RequestBody(required = false) DoneBody body) {
        return bulletins.done(id, followUpId, body == null ? null : body.note(), body == null ? null : body.version());
    }

    /** The unit concerned answers what it did (issue 15 point 3). */
    @Operation(summary = "The unit concerned answers a leader's comment (what was done)")
    @PostMapping("/api/v1/bulletins/{id}/follow-ups/{followUpId}/answer")
    Bulletins.FollowUpView answer(@PathVariable Long id, @PathVariable Long followUpId, @RequestBody AnswerBody body) {
        return answers.answer(id, followUpId, body.answer(), body.version());
    }

    @Operation(summary = "Attach a file to the unit's answer")
    @PostMapping(path = "/api/v1/bulletins/{id}/follow-ups/{followUpId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Bulletins.FollowUpFileView> attach(@PathVariable Long id, @PathVariable Long followUpId,
                                                      @RequestPart(name = "file", required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(answers.attach(id, followUpId, file));
    }

    @Operation(summary = "Download a file of the unit's answer")
    @GetMapping("/api/v1/bulletins/{id}/follow-ups/{followUpId}/files/{fileId}")
    ResponseEntity<Resource> file(@PathVariable Long id, @PathVariable Long followUpId, @PathVariable Long fileId)
            throws IOException {
        FollowUpAnswers.Stored stored = answers.file(id, followUpId, fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(stored.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(stored.contentType()))
                .contentLength(Files.size(stored.path()))
                .body(new FileSystemResource(stored.path()));
    }

    @GetMapping("/api/v1/follow-ups")
    PageResponse<Bulletins.FollowUpView> followUps(@RequestParam(required = false) Boolean done,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return PageResponse.of(bulletins.followUps(done, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "id"))), s -> s);
    }
}
