package org.xieshang.member.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.member.Gender;
import org.xieshang.member.MemberData;
import org.xieshang.member.MemberRole;
import org.xieshang.member.MemberStatus;
import org.xieshang.member.internal.MemberService.MemberChange;
import org.xieshang.member.internal.MemberService.MemberView;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;
import org.xieshang.shared.error.InvalidInput;

/** Members API (API.md). */
@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members")
class MemberController {

    record MemberBody(String name, Gender gender, String ethnicity, java.time.LocalDate birthDate, String party,
                      Long sectorId, Long specialCommitteeId, String workUnit, String title, String phone,
                      String email, Set<MemberRole> roles) {
        MemberData data() {
            return new MemberData(name, gender, ethnicity, birthDate, party, sectorId, specialCommitteeId, workUnit, title,
                    phone, email, roles);
        }
    }

    private final MemberService members;
    private final MemberImport importer;

    MemberController(MemberService members, MemberImport importer) {
        this.members = members;
        this.importer = importer;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MemberView create(@RequestBody MemberBody body) {
        return members.create(body.data());
    }

    @GetMapping
    PageResponse<MemberView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long sectorId,
                                  @RequestParam(required = false) MemberStatus status,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(members.search(q, sectorId, status, Paging.of(page, size, Sort.by("name", "id"))), v -> v);
    }

    @GetMapping("/{id}")
    MemberView get(@PathVariable Long id) {
        return members.get(id);
    }

    @PatchMapping("/{id}")
    MemberView update(@PathVariable Long id, @RequestBody MemberChange change) {
        return members.update(id, change);
    }

    /** Step one: what would be imported, row by row. */
    @PostMapping(path = "/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    MemberImport.Preview preview(@RequestPart("file") MultipartFile file) throws IOException {
        return importer.preview(checked(file).getInputStream());
    }

    /** Step two: import every row, or none when any row is rejected. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    MemberImport.Outcome importMembers(@RequestPart("file") MultipartFile file) throws IOException {
        return importer.commit(checked(file).getInputStream());
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        org.xieshang.shared.CurrentUsers.requireAny(org.xieshang.shared.Role.ADMIN);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("members-template.xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(importer.template());
    }

    private static MultipartFile checked(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.field("file", "validation.required");
        }
        return file;
    }
}
