package org.xieshang.committee.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.committee.internal.ReferenceDataService.Kind;
import org.xieshang.shared.error.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.committee.ReferenceData.SectorView;
import org.xieshang.committee.ReferenceData.SessionView;
import org.xieshang.committee.ReferenceData.UnitView;
import org.xieshang.committee.UnitType;
import org.xieshang.committee.ReferenceData.SpecialCommitteeView;
import org.xieshang.committee.ReferenceData.TermView;
import org.xieshang.shared.CurrentUsers;

/** Reference data API (API.md "Identity and reference data"). Reads: any user; changes: ADMIN. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data")
class ReferenceDataController {

    record NameBody(String name) {
    }

    record UnitBody(String name, UnitType type) {
    }

    record TermBody(String name, LocalDate startDate, LocalDate endDate) {
    }

    record SessionBody(String name, Integer year, LocalDate startDate) {
    }

    private final ReferenceDataService service;
    private final UnitImport unitImport;

    ReferenceDataController(ReferenceDataService service, UnitImport unitImport) {
        this.service = service;
        this.unitImport = unitImport;
    }

    @PostMapping("/sectors")
    @ResponseStatus(HttpStatus.CREATED)
    SectorView createSector(@RequestBody @NotNull NameBody body) {
        return service.createSector(body.name());
    }

    @GetMapping("/sectors")
    Map<String, List<SectorView>> sectors() {
        CurrentUsers.require();
        return Map.of("items", service.sectors());
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    UnitView createUnit(@RequestBody UnitBody body) {
        return service.createUnit(body.name(), body.type());
    }

    @GetMapping("/units")
    Map<String, List<UnitView>> units() {
        CurrentUsers.require();
        return Map.of("items", service.units());
    }

    @PostMapping("/special-committees")
    @ResponseStatus(HttpStatus.CREATED)
    SpecialCommitteeView createSpecialCommittee(@RequestBody NameBody body) {
        return service.createSpecialCommittee(body.name());
    }

    @GetMapping("/special-committees")
    Map<String, List<SpecialCommitteeView>> specialCommittees() {
        CurrentUsers.require();
        return Map.of("items", service.specialCommittees());
    }

    @PostMapping("/terms")
    @ResponseStatus(HttpStatus.CREATED)
    TermView createTerm(@RequestBody TermBody body) {
        return service.createTerm(body.name(), body.startDate(), body.endDate());
    }

    @GetMapping("/terms")
    Map<String, List<TermView>> terms() {
        CurrentUsers.require();
        return Map.of("items", service.terms());
    }

    @GetMapping("/terms/{id}")
    TermView term(@PathVariable Long id) {
        CurrentUsers.require();
        return service.term(id);
    }

    @PostMapping("/terms/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView createSession(@PathVariable Long id, @RequestBody SessionBody body) {
        return service.createSession(id, body.name(), body.year(), body.startDate());
    }

    @GetMapping("/sessions")
    Map<String, List<SessionView>> sessions() {
        CurrentUsers.require();
        return Map.of("items", service.sessions());
    }

    // --- rename and retire (PATCH), delete when nothing refers to it (DELETE: 409 otherwise) ---

    @Operation(summary = "Rename or retire a sector")
    @PatchMapping("/sectors/{id}")
    Object changeSector(@PathVariable Long id, @RequestBody ReferenceDataService.Change body) {
        return service.change(Kind.SECTOR, id, body);
    }

    @Operation(summary = "Delete a sector nothing refers to")
    @DeleteMapping("/sectors/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSector(@PathVariable Long id) {
        service.delete(Kind.SECTOR, id);
    }

    @Operation(summary = "Rename or retire a unit")
    @PatchMapping("/units/{id}")
    Object changeUnit(@PathVariable Long id, @RequestBody ReferenceDataService.Change body) {
        return service.change(Kind.UNIT, id, body);
    }

    @Operation(summary = "Delete a unit nothing refers to")
    @DeleteMapping("/units/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteUnit(@PathVariable Long id) {
        service.delete(Kind.UNIT, id);
    }

    @Operation(summary = "Rename or retire a special committee")
    @PatchMapping("/special-committees/{id}")
    Object changeSpecialCommittee(@PathVariable Long id, @RequestBody ReferenceDataService.Change body) {
        return service.change(Kind.SPECIAL_COMMITTEE, id, body);
    }

    @Operation(summary = "Delete a special committee nothing refers to")
    @DeleteMapping("/special-committees/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSpecialCommittee(@PathVariable Long id) {
        service.delete(Kind.SPECIAL_COMMITTEE, id);
    }

    @Operation(summary = "Rename or retire a term")
    @PatchMapping("/terms/{id}")
    Object changeTerm(@PathVariable Long id, @RequestBody ReferenceDataService.Change body) {
        return service.change(Kind.TERM, id, body);
    }

    @Operation(summary = "Delete a term nothing refers to")
    @DeleteMapping("/terms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTerm(@PathVariable Long id) {
        service.delete(Kind.TERM, id);
    }

    @Operation(summary = "Rename or retire a session")
    @PatchMapping("/sessions/{id}")
    Object changeSession(@PathVariable Long id, @RequestBody ReferenceDataService.Change body) {
        return service.change(Kind.SESSION, id, body);
    }

    @Operation(summary = "Delete a session nothing refers to")
    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSession(@PathVariable Long id) {
        service.delete(Kind.SESSION, id);
    }

    // --- unit import (.xlsx), as members are imported: preview, then all rows or none ---

    @Operation(summary = "Preview a unit import (.xlsx)")
    @PostMapping(path = "/units/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UnitImport.Preview previewUnits(@RequestPart("file") MultipartFile file) throws IOException {
        return unitImport.preview(checked(file).getInputStream());
    }

    @Operation(summary = "Import units (.xlsx), all rows or none")
    @PostMapping(path = "/units/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    UnitImport.Outcome importUnits(@RequestPart("file") MultipartFile file) throws IOException {
        return unitImport.commit(checked(file).getInputStream());
    }

    @Operation(summary = "The unit import template (.xlsx)")
    @GetMapping("/units/import/template")
    ResponseEntity<byte[]> unitTemplate() {
        byte[] template = unitImport.template();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("units-template.xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(template);
    }

    private static MultipartFile checked(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.field("file", "validation.required");
        }
        return file;
    }
}
