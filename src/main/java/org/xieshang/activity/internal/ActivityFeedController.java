package org.xieshang.activity.internal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.committee.Committees;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/** The public, signed calendar feed of a member's activities (no sign-in: calendar apps fetch it). */
@RestController
class ActivityFeedController {

    private final ActivityFeed feed;
    private final Committees committees;

    ActivityFeedController(ActivityFeed feed, Committees committees) {
        this.feed = feed;
        this.committees = committees;
    }

    @GetMapping("/public/activities/feed/{committeeId}/{memberId}/{signature}.ics")
    ResponseEntity<String> feed(@PathVariable Long committeeId, @PathVariable Long memberId, @PathVariable String signature) {
        if (CommitteeContext.callAsSystem(() -> committees.find(committeeId)).isEmpty()) {
            throw new NotFound();
        }
        String ics = CommitteeContext.callAs(committeeId, () -> feed.ics(committeeId, memberId, signature));
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(ics);
    }
}
