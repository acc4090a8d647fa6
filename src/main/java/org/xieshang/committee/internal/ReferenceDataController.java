package org.xieshang.committee.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

    ReferenceDataController(ReferenceDataService service) {
        this.service = service;
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
}
