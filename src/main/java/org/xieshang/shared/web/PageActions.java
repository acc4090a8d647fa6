package org.xieshang.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;

/**
 * How a page runs one form's action: after success, back to {@code back} with a notice (post-
 * redirect-get); refused input (400) shows the page again with the errors next to the fields of
 * that form, a refusal by the record's state (409) as a message on that form. 403 and 404 pass
 * through to the error page.
 */
public final class PageActions {

    private PageActions() {
    }

    public static String attempt(String name, MultiValueMap<String, String> form, Messages messages,
                                 HttpServletResponse response, RedirectAttributes redirect, Supplier<String> action,
                                 String back, Function<ActionForm, String> again) {
        String notice;
        try {
            notice = action.get();
        } catch (InvalidInput invalid) {
            response.setStatus(400);
            return again.apply(new ActionForm(name, form, FormErrors.of(invalid, messages)));
        } catch (Conflict conflict) {
            response.setStatus(409);
            return again.apply(new ActionForm(name, form,
                    FormErrors.general(messages.get(conflict.messageKey(), conflict.args()))));
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + back;
    }
}
