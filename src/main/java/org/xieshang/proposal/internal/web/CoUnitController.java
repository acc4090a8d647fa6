package org.xieshang.proposal.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.proposal.internal.handling.CoUnitFollowUp;
import org.xieshang.proposal.internal.query.ProposalQueries;
import org.xieshang.proposal.internal.query.ProposalViews.ProposalDetail;

/** Co-units that hold up a reply (issue 17): an opinion received on paper, a reminder from the lead unit. */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "Proposals")
class CoUnitController {

    record ReminderAnswer(Long unitId, Instant remindedAt) {
    }

    private final CoUnitFollowUp followUp;
    private final ProposalQueries queries;

    CoUnitController(CoUnitFollowUp followUp, ProposalQueries queries) {
        this.followUp = followUp;
        this.queries = queries;
    }

    /** The office enters a co-unit's opinion received on paper, optionally with the scanned letter (multipart). */
    @PostMapping(path = "/{id}/co-units/{unitId}/paper-opinion", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ProposalDetail> paperOpinion(@PathVariable Long id, @PathVariable Long unitId,
                                                @RequestParam(name = "content", required = false) String content,
                                                @RequestPart(name = "file", required = false) MultipartFile file) {
        followUp.recordPaperOpinion(id, unitId, content, file);
        return ResponseEntity.status(HttpStatus.CREATED).body(queries.detail(id));
    }

    /** The lead unit reminds a co-unit of the opinion it owes; once a day per unit (409 otherwise). */
    @PostMapping("/{id}/co-units/{unitId}/reminders")
    ResponseEntity<ReminderAnswer> remind(@PathVariable Long id, @PathVariable Long unitId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReminderAnswer(unitId, followUp.remind(id, unitId)));
    }
}
