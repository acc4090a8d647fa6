package org.xieshang.identity.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.document.WordDocument;

/** Accounts for selected members in one step; the answer is the initial-password letters (.docx). */
@RestController
@Tag(name = "Users")
class MemberAccountController {

    record Selection(List<Long> memberIds) {
    }

    private final MemberAccounts accounts;

    MemberAccountController(MemberAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/users/member-accounts")
    ResponseEntity<byte[]> create(@RequestBody Selection selection) {
        var created = accounts.create(selection == null ? null : selection.memberIds());
        byte[] letters = accounts.letters(created);
        return ResponseEntity.status(201)
                .header(HttpHeaders.CONTENT_TYPE, WordDocument.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("member-accounts.docx", StandardCharsets.UTF_8).build().toString())
                .header("X-Accounts-Created", String.valueOf(created.size()))
                .body(letters);
    }
}
