package org.xieshang.notification.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.notification.internal.InboxService.Entry;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;

/** The signed-in user's inbox over the API. */
@RestController
@Tag(name = "Notifications")
class InboxApiController {

    private final InboxService inbox;

    InboxApiController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/notifications")
    PageResponse<Entry> list(@RequestParam(defaultValue = "false") boolean unread,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(inbox.mine(unread, Paging.of(page, size, Sort.unsorted())), e -> e);
    }

    @GetMapping("/api/v1/notifications/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadOfCurrentUser());
    }

    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead());
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    Entry read(@PathVariable Long id) {
        return inbox.markRead(id);
    }

}
