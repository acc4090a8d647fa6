package org.xieshang.liaison.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.liaison.ContactMethod;
import org.xieshang.liaison.internal.LiaisonComplianceService.Compliance;
import org.xieshang.liaison.internal.LiaisonComplianceService.MyMembers;
import org.xieshang.liaison.internal.LiaisonContactService.ContactForm;
import org.xieshang.liaison.internal.LiaisonContactService.ContactView;
import org.xieshang.liaison.internal.LiaisonContactService.FollowUpView;
import org.xieshang.liaison.internal.LiaisonPlanService.Generated;
import org.xieshang.liaison.internal.LiaisonPlanService.PlanSummary;
import org.xieshang.liaison.internal.LiaisonPlanService.PlanView;
import org.xieshang.liaison.internal.LiaisonSettingsService.Settings;
import org.xieshang.liaison.internal.LiaisonSettingsService.SettingsChange;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;

/** Member liaison API (API.md, "Liaison"); everything under /api/v1/liaison/. */
@RestController
@RequestMapping("/api/v1/liaison")
@Tag(name = "Liaison")
class LiaisonApiController {

    record GenerateBody(Integer year) {
    }

    record VersionBody(Long version) {
    }

    record MoveBody(Long memberId, Long liaisonMemberId, Long version) {
    }

    record ContactBody(Long liaisonMemberId, List<Long> memberIds, LocalDate date, ContactMethod method, String conveyed,
                       String suggestions, String committeeSuggestions, String situation, String proposalLeads,
                       String difficulties) {
        ContactForm form() {
            return new ContactForm(liaisonMemberId, memberIds, date, method, conveyed, suggestions, committeeSuggestions,
                    situation, proposalLeads, difficulties);
        }
    }

    record ResolveBody(String resolution) {
    }

    record LeadBody(Long memberId) {
    }

    private final LiaisonPlanService plans;
    private final LiaisonContactService contacts;
    private final LiaisonComplianceService compliance;
    private final LiaisonSettingsService settings;
    private final LiaisonClock clock;

    LiaisonApiController(LiaisonPlanService plans, LiaisonContactService contacts, LiaisonComplianceService compliance, LiaisonSettingsService settings,
                         LiaisonClock clock) {
        this.clock = clock;
        this.plans = plans;
        this.contacts = contacts;
        this.compliance = compliance;
        this.settings = settings;
    }

    @PostMapping("/plans")
    @Operation(summary = "Generate the year's plan (201), or regenerate its draft (200); 409 once confirmed")
    ResponseEntity<PlanView> generate(@RequestBody GenerateBody body) {
        Generated generated = plans.generate(body.year());
        return ResponseEntity.status(generated.created() ? HttpStatus.CREATED : HttpStatus.OK).body(generated.plan());
    }

    @GetMapping("/plans")
    List<PlanSummary> plans() {
        return plans.list();
    }

    @GetMapping("/plans/{year}")
    PlanView plan(@PathVariable int year) {
        return plans.get(year);
    }

    @PostMapping("/plans/{year}/confirm")
    @Operation(summary = "Confirm (fix) the plan; optional body {version} guards against a stale view")
    PlanView confirm(@PathVariable int year, @RequestBody(required = false) VersionBody body) {
        return plans.confirm(year, body == null ? null : body.version());
    }

    @PostMapping("/plans/{year}/moves")
    @Operation(summary = "Move a member to another liaison (draft), or add a member not yet in the plan")
    PlanView move(@PathVariable int year, @RequestBody MoveBody body) {
        return plans.move(year, body.memberId(), body.liaisonMemberId(), body.version());
    }

    @GetMapping("/plans/{year}/compliance")
    Compliance compliance(@PathVariable int year) {
        return compliance.compliance(year);
    }

    @GetMapping("/my-members")
    @Operation(summary = "The signed-in liaison's members in the year's confirmed plan, with contacts so far")
    MyMembers myMembers(@RequestParam(required = false) Integer year) {
        return compliance.myMembers(year == null ? clock.today().getYear() : year);
    }

    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a contact; 400 (memberIds) for a member outside the liaison's group, 409 without a confirmed plan")
    ContactView logContact(@RequestBody ContactBody body) {
        return contacts.log(body.form());
    }

    @GetMapping("/contacts")
    PageResponse<ContactView> contacts(@RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) Long liaisonMemberId,
                                       @RequestParam(required = false) Long memberId,
                                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(contacts.search(year, liaisonMemberId, memberId, Paging.of(page, size, Sort.unsorted())), c -> c);
    }

    @GetMapping("/contacts/{id}")
    ContactView contact(@PathVariable Long id) {
        return contacts.get(id);
    }

    @GetMapping("/follow-ups")
    PageResponse<FollowUpView> followUps(@RequestParam(required = false) FollowUpKind kind,
                                         @RequestParam(defaultValue = "false") boolean open,
                                         @RequestParam(required = false) Long liaisonMemberId,
                                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(contacts.followUps(kind, open, liaisonMemberId, Paging.of(page, size, Sort.unsorted())), f -> f);
    }

    @PostMapping("/follow-ups/{id}/resolve")
    @Operation(summary = "Mark a difficulty resolved, with how; 409 when already resolved")
    FollowUpView resolve(@PathVariable Long id, @RequestBody ResolveBody body) {
        return contacts.resolve(id, body.resolution());
    }

    @PostMapping("/follow-ups/{id}/proposal-draft")
    @Operation(summary = "Turn a proposal lead into a proposal draft for a member met (publishes ProposalLeadRaised); 409 the second time")
    FollowUpView raiseLead(@PathVariable Long id, @RequestBody(required = false) LeadBody body) {
        return contacts.raiseLead(id, body == null ? null : body.memberId());
    }

    /** Before generating: what the numbers allow (issue 15 point 9). */
    @Operation(summary = "What the numbers allow before generating a plan")
    @GetMapping("/plans/{year}/outlook")
    LiaisonPlanService.Outlook outlook(@PathVariable Integer year) {
        return plans.outlook(year);
    }

    @GetMapping("/settings")
    Settings settings() {
        return settings.forOffice();
    }

    @PutMapping("/settings")
    Settings updateSettings(@RequestBody SettingsChange change) {
        return settings.update(change);
    }
}
