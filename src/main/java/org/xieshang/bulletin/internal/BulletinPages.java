package org.xieshang.bulletin.internal;

import static org.xieshang.shared.web.FormFields.choice;
import static org.xieshang.shared.web.FormFields.ids;
import static org.xieshang.shared.web.FormFields.page;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.bulletin.BulletinKind;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;
import org.xieshang.shared.web.PageActions;
import org.xieshang.shared.web.ActionForm;
import org.xieshang.shared.web.FormErrors;
import org.xieshang.shared.web.NavContributor;
import org.xieshang.shared.web.NavItem;
import org.xieshang.shared.web.PageController;

/**
 * The bulletin pages: the office compiles bulletins; leaders read them and comment on them; units
 * see the follow-ups the comments gave them. Thin: the rules are in {@link Bulletins}.
 */
@PageController
class BulletinPages implements NavContributor {

    private final Bulletins bulletins;
    private final BulletinPageQueries pages;
    private final FollowUpAnswers answers;
    private final Messages messages;

    BulletinPages(Bulletins bulletins, BulletinPageQueries pages, FollowUpAnswers answers, Messages messages) {
        this.bulletins = bulletins;
        this.pages = pages;
        this.answers = answers;
        this.messages = messages;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        List<NavItem> items = new ArrayList<>();
        if (user.hasAny(Role.ADMIN, Role.PROPOSAL_STAFF, Role.LEADER_CPPCC, Role.LEADER_GOV)) {
            items.add(new NavItem("keywork.nav.bulletins", "/bulletins", 35));
        }
        if (Bulletins.isStaff(user) || (user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD))) {
            items.add(new NavItem("keywork.nav.followUps", "/follow-ups", 41));
        }
        return items;
    }

    @GetMapping("/bulletins")
    String bulletinList(@RequestParam(required = false) String page, Model model) {
        model.addAttribute("list", pages.bulletins(page(page)));
        return "bulletin/bulletins";
    }

    @GetMapping("/bulletins/new")
    String newBulletin(@RequestParam(required = false) String proposalId, Model model) {
        MultiValueMap<String, String> preset = new LinkedMultiValueMap<>();
        preset.add("kind", BulletinKind.BRIEF.name());
        if (proposalId != null && proposalId.matches("\\d{1,18}")) {
            preset.add("proposalIds", proposalId);
        }
        return bulletinForm(model, new ActionForm("bulletin", preset, FormErrors.none()));
    }

    @PostMapping("/bulletins")
    String createBulletin(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        try {
            InvalidInput invalid = new InvalidInput();
            BulletinKind kind = choice(BulletinKind.class, form.getFirst("kind"), "kind");
            List<Long> proposals = ids(form, "proposalIds");
            List<Long> recipients = ids(form, "recipientUserIds");
            invalid.throwIfAny();
            Bulletins.BulletinDetail created = bulletins.create(kind, form.getFirst("title"), form.getFirst("content"),
                    proposals, recipients);
            redirect.addFlashAttribute("notice", messages.get("bulletin.done.sent", created.number(),
                    messages.get("enum.BulletinKind." + kind.name())));
            return "redirect:/bulletins/" + created.id();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return bulletinForm(model, new ActionForm("bulletin", form, FormErrors.of(invalid, messages)));
        }
    }

    @GetMapping("/bulletins/{id:\\d+}")
    String bulletin(@PathVariable Long id, Model model) {
        return bulletinPage(id, model, ActionForm.none());
    }

    @PostMapping("/bulletins/{id:\\d+}/comments")
    String comment(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        return onBulletin(id, "comment", form, model, response, redirect, () -> {
            bulletins.comment(id, form.getFirst("content"), ids(form, "unitIds"));
            return messages.get("keywork.done.commented");
        });
    }

    @PostMapping("/bulletins/{id:\\d+}/follow-ups/{followUpId:\\d+}/done")
    String followUpDone(@PathVariable Long id, @PathVariable Long followUpId,
                        @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        return onBulletin(id, "done-" + followUpId, form, model, response, redirect, () -> {
            bulletins.done(id, followUpId, form.getFirst("note"), version(form));
            return messages.get("keywork.done.followUpDone");
        });
    }

    @GetMapping("/follow-ups")
    String followUps(@RequestParam(required = false) String done, @RequestParam(required = false) String page,
                     Model model) {
        Boolean filter = "true".equals(done) ? Boolean.TRUE : "false".equals(done) ? Boolean.FALSE : null;
        return followUpsPage(filter, page(page), model, ActionForm.none());
    }

    /** The unit's answer to a leader's comment, with an optional file (issue 15 point 3); back to its follow-ups. */
    @PostMapping("/bulletins/{id:\\d+}/follow-ups/{followUpId:\\d+}/answer")
    String answer(@PathVariable Long id, @PathVariable Long followUpId, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return PageActions.attempt("answer-" + followUpId, form, messages, response, redirect, () -> {
            boolean withFile = file != null && !file.isEmpty();
            if (withFile) {
                // a bad file refuses the whole form, before the answer is saved
                org.xieshang.shared.files.FileStore.checked(file, "bulletin");
            }
            answers.answer(id, followUpId, form.getFirst("answer"), version(form));
            if (withFile) {
                answers.attach(id, followUpId, file);
            }
            return messages.get("bulletin.done.answered");
        }, "/follow-ups#follow-up-" + followUpId, failed -> followUpsPage(null, 0, model, failed));
    }

    private String followUpsPage(Boolean done, int page, Model model, ActionForm failed) {
        model.addAttribute("list", pages.followUps(done, page));
        model.addAttribute("failed", failed);
        return "bulletin/follow-ups";
    }

    /** The version the form was shown with (a stale one is a 409); none or garbage: not checked. */
    private static Long version(MultiValueMap<String, String> form) {
        String v = form.getFirst("version");
        return v != null && v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
    }

    private String bulletinForm(Model model, ActionForm failed) {
        CurrentUsers.requireAny(Role.ADMIN, Role.PROPOSAL_STAFF);
        model.addAttribute("cases", pages.caseChoices());
        model.addAttribute("recipients", pages.recipients());
        model.addAttribute("failed", failed);
        return "bulletin/bulletin-form";
    }

    private String bulletinPage(Long id, Model model, ActionForm failed) {
        model.addAttribute("view", pages.bulletin(id));
        model.addAttribute("failed", failed);
        return "bulletin/bulletin";
    }

    /** Post-redirect-get on success; refused input (400) or a refusal by the record's state (409) shows the page again. */
    private String onBulletin(Long id, String name, MultiValueMap<String, String> form, Model model,
                              HttpServletResponse response, RedirectAttributes redirect, Supplier<String> action) {
        return PageActions.attempt(name, form, messages, response, redirect, action, "/bulletins/" + id,
                failed -> bulletinPage(id, model, failed));
    }
}
