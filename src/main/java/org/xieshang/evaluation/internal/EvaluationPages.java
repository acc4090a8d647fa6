package org.xieshang.evaluation.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xieshang.committee.ReferenceData;
import org.xieshang.evaluation.internal.EvaluationService.BallotSheet;
import org.xieshang.evaluation.internal.EvaluationService.EvaluationForm;
import org.xieshang.evaluation.internal.EvaluationService.External;
import org.xieshang.evaluation.internal.EvaluationService.GroupForm;
import org.xieshang.evaluation.internal.EvaluationService.IssuedCode;
import org.xieshang.member.MemberDirectory;
import org.xieshang.member.MemberDirectory.MemberSummary;
import org.xieshang.member.MemberRole;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.DomainException;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * Evaluation pages: the office's (candidates and decision, groups, ballot sheets with QR codes, paper
 * ballots, results, publication), the leaders' (results), a group member's ballot on the phone, the
 * one-time-code ballot without sign-in, and the public results once published.
 */
@PageController
class EvaluationPages implements NavContributor {

    private final EvaluationService service;
    private final EvaluationBulletins publishing;
    private final PublicScope scope;
    private final MemberDirectory members;
    private final ReferenceData reference;
    private final Messages messages;

    EvaluationPages(EvaluationService service, EvaluationBulletins publishing, PublicScope scope, MemberDirectory members,
                    ReferenceData reference, Messages messages) {
        this.service = service;
        this.publishing = publishing;
        this.scope = scope;
        this.members = members;
        this.reference = reference;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (EvaluationService.seesUnpublished(user)) {
            items.add(new NavItem("nav.evaluation.all", "/evaluations", 60));
            items.add(new NavItem("nav.evaluation.township", "/township-assessments", 61));
        }
        if (user.memberId() != null) {
            items.add(new NavItem("nav.evaluation.mine", "/evaluations/mine", 62));
        }
        return items;
    }

    // --- the office and leaders ---

    @GetMapping("/evaluations")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer count, Model model) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        model.addAttribute("evaluations", service.list());
        int y = year == null ? LocalDate.now().getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("candidates", null);
        model.addAttribute("problem", model.getAttribute("problem"));
        if (user.has(Role.ADMIN)) {
            try {
                model.addAttribute("candidates", service.candidates(y, count, null));
            } catch (InvalidInput invalid) {
                model.addAttribute("problem", FormErrorsText.of(invalid, messages));
            }
        }
        return "evaluation/list";
    }

    @PostMapping("/evaluations")
    String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) List<Long> unitIds,
                  @RequestParam(required = false) String meeting, @RequestParam(required = false) LocalDate decisionDate,
                  RedirectAttributes redirect) {
        try {
            var v = service.create(new EvaluationForm(year, null, unitIds, meeting, decisionDate, null));
            return "redirect:/evaluations/" + v.id();
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", text(e));
            return "redirect:/evaluations" + (year == null ? "" : "?year=" + year);
        }
    }

    @GetMapping("/evaluations/{id:\\d+}")
    String detail(@PathVariable Long id, Model model) {
        CurrentUser user = CurrentUsers.requireAny(Role.ADMIN, Role.LEADER_CPPCC, Role.LEADER_GOV);
        model.addAttribute("e", service.get(id));
        model.addAttribute("results", service.results(id));
        model.addAttribute("problem", model.getAttribute("problem"));
        model.addAttribute("office", user.has(Role.ADMIN));
        List<MemberSummary> serving = members.all().stream().filter(m -> m.status().isServing()).toList();
        model.addAttribute("viceChairs", serving.stream().filter(m -> m.roles().contains(MemberRole.VICE_CHAIR)).toList());
        model.addAttribute("members", serving);
        return "evaluation/detail";
    }

    @PostMapping("/evaluations/{id:\\d+}/groups")
    String group(@PathVariable Long id, @RequestParam(required = false) Long unitId,
                 @RequestParam(required = false) Long leaderMemberId, @RequestParam(required = false) List<Long> memberIds,
                 @RequestParam(required = false) String externals, RedirectAttributes redirect) {
        List<External> people = new ArrayList<>();
        if (externals != null) {
            for (String line : externals.split("\\R")) {
                if (!line.isBlank()) {
                    String[] parts = line.split("[,，]", 2);
                    people.add(new External(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
                }
            }
        }
        return act(id, redirect, () -> service.addGroup(id, new GroupForm(unitId, leaderMemberId, memberIds, people)));
    }

    @PostMapping("/evaluations/{id:\\d+}/ballot-codes")
    String codes(@PathVariable Long id, @RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer count,
                 RedirectAttributes redirect) {
        try {
            service.issueCodes(id, unitId, count);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", text(e));
            return "redirect:/evaluations/" + id;
        }
        return "redirect:/evaluations/" + id + "/sheets?unitId=" + unitId;
    }

    /** Printable ballot sheets: one per unused code, with its QR code to the phone page. */
    @GetMapping("/evaluations/{id:\\d+}/sheets")
    String sheets(@PathVariable Long id, @RequestParam Long unitId, Model model) {
        List<IssuedCode> codes = service.unusedCodes(id, unitId);
        var e = service.get(id);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<EvaluationService.Sheet> sheets = codes.stream().map(c -> new EvaluationService.Sheet(c.code(), base + "/ballot/" + c.code(),
                qr(base + "/ballot/" + c.code()))).toList();
        model.addAttribute("e", e);
        model.addAttribute("unitName", e.units().stream().filter(u -> u.unitId().equals(unitId)).map(u -> u.name())
                .findFirst().orElse(""));
        model.addAttribute("sheets", sheets);
        model.addAttribute("dimensions", e.dimensions());
        return "evaluation/sheets";
    }

    static String qr(String text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 200, 200, Map.of(EncodeHintType.MARGIN, 1));
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/evaluations/{id:\\d+}/paper-ballots")
    String paper(@PathVariable Long id, @RequestParam(required = false) String code,
                 @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            service.find(id);
            service.voteWithCode(code, scores(params), true);
            return null;
        });
    }

    @PostMapping("/evaluations/{id:\\d+}/settings")
    String settings(@PathVariable Long id, @RequestParam(required = false) Boolean proposalHandlingFromStats,
                    @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, () -> service.settings(id, proposalHandlingFromStats, version));
    }

    @PostMapping("/evaluations/{id:\\d+}/publish")
    String publish(@PathVariable Long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> publishing.publish(id));
    }

    private String act(Long id, RedirectAttributes redirect, java.util.function.Supplier<?> work) {
        try {
            work.get();
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", FormErrorsText.of(invalid, messages));
        } catch (DomainException e) {
            if (e.status().is4xxClientError() && e.status().value() == 409) {
                redirect.addFlashAttribute("problem", text(e));
            } else {
                throw e;
            }
        }
        return "redirect:/evaluations/" + id;
    }

    private String text(DomainException e) {
        if (e instanceof InvalidInput invalid) {
            return FormErrorsText.of(invalid, messages);
        }
        return messages.get(e.messageKey(), e.args());
    }

    /** Scores from form fields named {@code score.CODE}; a field that is not a whole number is refused as input. */
    static Map<String, Integer> scores(Map<String, String> params) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        InvalidInput invalid = new InvalidInput();
        params.forEach((k, v) -> {
            if (k.startsWith("score.")) {
                String code = k.substring("score.".length());
                try {
                    scores.put(code, v == null || v.isBlank() ? null : Integer.valueOf(v.strip()));
                } catch (NumberFormatException e) {
                    invalid.add("scores." + code, "evaluation.validation.score");
                }
            }
        });
        invalid.throwIfAny();
        scores.values().removeIf(java.util.Objects::isNull);
        return scores;
    }

    // --- a group member on the phone ---

    @GetMapping("/evaluations/mine")
    String mine(Model model) {
        model.addAttribute("ballots", service.mine());
        model.addAttribute("problem", model.getAttribute("problem"));
        model.addAttribute("done", model.getAttribute("done"));
        return "evaluation/mine";
    }

    @GetMapping("/evaluations/{id:\\d+}/vote")
    String voteForm(@PathVariable Long id, @RequestParam Long unitId, Model model) {
        var mine = service.mine().stream().filter(b -> b.evaluationId().equals(id) && b.unitId().equals(unitId))
                .findFirst().orElseThrow(org.xieshang.shared.error.NotFound::new);
        model.addAttribute("action", "/evaluations/" + id + "/vote?unitId=" + unitId);
        model.addAttribute("year", mine.year());
        model.addAttribute("unitName", mine.unitName());
        model.addAttribute("dimensions", service.dimensionForms(id));
        model.addAttribute("fixed", service.fixed(id, unitId));
        model.addAttribute("problem", model.getAttribute("problem"));
        model.addAttribute("closed", mine.voted());
        return "evaluation/vote";
    }

    @PostMapping("/evaluations/{id:\\d+}/vote")
    String vote(@PathVariable Long id, @RequestParam Long unitId, @RequestParam Map<String, String> params,
                RedirectAttributes redirect) {
        try {
            service.vote(id, unitId, scores(params));
        } catch (DomainException e) {
            if (e.status().value() != 400 && e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problem", text(e));
            return "redirect:/evaluations/" + id + "/vote?unitId=" + unitId;
        }
        redirect.addFlashAttribute("done", true);
        return "redirect:/evaluations/mine";
    }

    // --- a one-time code, without sign-in (service recipients) ---

    @GetMapping("/ballot/{code}")
    String codeForm(@PathVariable String code, Model model) {
        BallotSheet sheet = scope.byCode(code, () -> service.sheet(code));
        model.addAttribute("action", "/ballot/" + sheet.code());
        model.addAttribute("year", sheet.year());
        model.addAttribute("unitName", sheet.unitName());
        model.addAttribute("dimensions", sheet.dimensions());
        model.addAttribute("fixed", sheet.fixed());
        model.addAttribute("problem", model.getAttribute("problem"));
        model.addAttribute("closed", sheet.used() || !sheet.open());
        return "evaluation/vote";
    }

    @PostMapping("/ballot/{code}")
    String codeVote(@PathVariable String code, @RequestParam Map<String, String> params, RedirectAttributes redirect,
                    Model model) {
        try {
            scope.byCode(code, () -> {
                service.voteWithCode(code, scores(params), false);
                return null;
            });
        } catch (DomainException e) {
            if (e.status().value() != 400 && e.status().value() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("problem", text(e));
            return "redirect:/ballot/" + EvaluationService.normalise(code);
        }
        return "evaluation/thanks";
    }

    // --- public ---

    @GetMapping("/public/evaluations")
    String publicList(@RequestParam(required = false) String committee, Model model) {
        model.addAttribute("evaluations", scope.call(committee, service::published));
        model.addAttribute("committee", committee);
        return "evaluation/public_list";
    }

    @GetMapping("/public/evaluations/{id:\\d+}")
    String publicResults(@PathVariable Long id, @RequestParam(required = false) String committee, Model model) {
        var results = scope.call(committee, () -> service.results(id));
        if (!results.published()) {
            // signed-in leaders read unpublished results on their own page, never on the public one
            throw new org.xieshang.shared.error.NotFound();
        }
        model.addAttribute("results", results);
        model.addAttribute("committee", committee);
        return "evaluation/public_results";
    }

    /** Input problems as one line for a page notice. */
    static final class FormErrorsText {
        private FormErrorsText() {
        }

        static String of(InvalidInput invalid, Messages messages) {
            List<String> parts = new ArrayList<>();
            invalid.problems().forEach(p -> parts.add(messages.get(p.messageKey(), p.args())));
            return String.join(" ", parts);
        }
    }

    static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
