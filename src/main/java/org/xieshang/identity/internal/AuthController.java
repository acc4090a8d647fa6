package org.xieshang.identity.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.DomainException;
import org.xieshang.shared.error.InvalidInput;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class AuthController {

    record Credentials(String username, String password) {
    }

    record TokenAnswer(String token, Instant expiresAt) {
    }

    record Me(Long id, String username, String displayName, List<String> roles, Long memberId, Long unitId) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final AuthService auth;
    private final UserService users;

    AuthController(AuthService auth, UserService users) {
        this.auth = auth;
        this.users = users;
    }

    /** The caller changes their own password; their other sessions and tokens end (this token stays). */
    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange body, HttpServletRequest request) {
        Object token = request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE);
        users.changeOwnPassword(body.currentPassword(), body.newPassword(), null, (String) token);
    }

    @PostMapping("/auth/token")
    TokenAnswer token(@RequestBody Credentials credentials, HttpServletRequest request) {
        InvalidInput invalid = new InvalidInput();
        if (credentials.username() == null || credentials.username().isBlank()) {
            invalid.add("username", "validation.required");
        }
        if (credentials.password() == null || credentials.password().isEmpty()) {
            invalid.add("password", "validation.required");
        }
        invalid.throwIfAny();
        try {
            CurrentUser user = auth.authenticate(credentials.username(), credentials.password(), request.getRemoteAddr()).user();
            AuthService.IssuedToken issued = auth.issue(user);
            return new TokenAnswer(issued.token(), issued.expiresAt());
        } catch (BadCredentialsException bad) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "error.badCredentials");
        }
    }

    /** Revokes the token this request carries. */
    @DeleteMapping("/auth/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(HttpServletRequest request) {
        CurrentUser user = CurrentUsers.require();
        Object token = request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE);
        if (token != null) {
            auth.revoke((String) token, user.committeeId());
        }
    }

    @GetMapping("/me")
    Me me() {
        CurrentUser u = CurrentUsers.require();
        return new Me(u.id(), u.username(), u.displayName(), u.roles().stream().sorted().map(Enum::name).toList(),
                u.memberId(), u.unitId());
    }
}
