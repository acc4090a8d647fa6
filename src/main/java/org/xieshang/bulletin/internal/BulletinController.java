package org.xieshang.bulletin.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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

    record DoneBody(String note) {
    }

    private final Bulletins bulletins;

    BulletinController(Bulletins bulletins) {
        this.bulletins = bulletins;
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
        return bulletins.done(id, followUpId, body == null ? null : body.note());
    }

    @GetMapping("/api/v1/follow-ups")
    PageResponse<Bulletins.FollowUpView> followUps(@RequestParam(required = false) Boolean done,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size) {
        return PageResponse.of(bulletins.followUps(done, Paging.of(page, size, Sort.by(Sort.Direction.DESC, "id"))), s -> s);
    }
}
