package org.xieshang.search.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.search.IndexAdmin;
import org.xieshang.search.IndexAdmin.Progress;

@RestController
@RequestMapping("/api/v1/search/index")
@Tag(name = "Search")
class IndexAdminController {

    private final IndexAdmin admin;

    IndexAdminController(IndexAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Progress rebuild() {
        return admin.startRebuild();
    }

    @GetMapping("/rebuild")
    Progress progress() {
        return admin.progress();
    }
}
