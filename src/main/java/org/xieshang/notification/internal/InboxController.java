package org.xieshang.notification.internal;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xieshang.notification.internal.InboxService.Entry;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.Paging;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/** The inbox page. */
@PageController
class InboxController implements NavContributor {

    private final InboxService inbox;

    InboxController(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return List.of(new NavItem("nav.inbox", "/inbox", 90));
    }

    @GetMapping("/inbox")
    String page(@RequestParam(required = false) Integer page, Model model) {
        var entries = inbox.mine(false, Paging.clamped(page, 30, Sort.unsorted()));
        model.addAttribute("entries", entries);
        model.addAttribute("groups", InboxService.grouped(entries.getContent()));
        return "notification/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll() {
        inbox.markAllRead();
        return "redirect:/inbox";
    }

    /** Opening an entry marks it read and follows its link. */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable Long id) {
        Entry e = inbox.markRead(id);
        return "redirect:" + (e.link() == null || !e.link().startsWith("/") ? "/inbox" : e.link());
    }
}
