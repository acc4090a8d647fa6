package org.xieshang.keywork.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Key proposals, the chair's meeting's decisions and supervision events (API.md "Proposals"). */
@RestController
@Tag(name = "Key proposals")
class KeyProposalController {

    record KeyBody(List<Long> leadLeaderUserIds, List<Long> supervisorUserIds) {
    }

    record DecisionBody(Integer year, LocalDate meetingDate, List<Long> proposalIds, String reasons) {
    }

    record EventBody(SupervisionType type, LocalDate date, String content, String participants) {
    }

    private final KeyProposals keys;

    KeyProposalController(KeyProposals keys) {
        this.keys = keys;
    }

    @PostMapping("/api/v1/proposals/{id}/key")
    KeyProposals.KeyView mark(@PathVariable Long id, @RequestBody(required = false) KeyBody body) {
        KeyBody b = body == null ? new KeyBody(null, null) : body;
        return keys.mark(id, b.leadLeaderUserIds(), b.supervisorUserIds());
    }

    @GetMapping("/api/v1/proposals/{id}/key")
    KeyProposals.KeyView key(@PathVariable Long id) {
        return keys.key(id);
    }

    @PostMapping("/api/v1/key-proposal-decisions")
    ResponseEntity<KeyProposals.DecisionView> decide(@RequestBody DecisionBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(keys.decide(body.year(), body.meetingDate(), body.proposalIds(), body.reasons()));
    }

    @GetMapping("/api/v1/key-proposal-decisions")
    Map<String, List<KeyProposals.DecisionView>> decisions(@RequestParam(required = false) Integer year) {
        return Map.of("items", keys.decisions(year));
    }

    @PostMapping("/api/v1/proposals/{id}/supervision-events")
    ResponseEntity<KeyProposals.EventView> supervise(@PathVariable Long id, @RequestBody EventBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(keys.supervise(id, body.type(), body.date(), body.content(), body.participants()));
    }

    @PostMapping(path = "/api/v1/proposals/{id}/supervision-events/{eventId}/attachments",
            consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<org.xieshang.proposal.ProposalCases.CaseFile> attach(@PathVariable Long id, @PathVariable Long eventId,
            @org.springframework.web.bind.annotation.RequestParam(name = "file", required = false)
            org.springframework.web.multipart.MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.attach(id, eventId, file));
    }

    @GetMapping("/api/v1/proposals/{id}/supervision-events")
    Map<String, List<KeyProposals.EventView>> events(@PathVariable Long id) {
        return Map.of("items", keys.events(id));
    }
}
