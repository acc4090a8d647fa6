package org.xieshang.identity.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xieshang.identity.UserAccounts.NewUser;
import org.xieshang.identity.UserAccounts.UserView;
import org.xieshang.shared.PageResponse;
import org.xieshang.shared.Paging;
import org.xieshang.shared.Role;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    record UserBody(String username, String password, String displayName, Set<Role> roles, Long memberId, Long unitId,
                    String email) {
    }

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserBody body) {
        return users.create(new NewUser(body.username(), body.password(), body.displayName(), body.roles(), body.memberId(),
                body.unitId(), body.email()));
    }

    @GetMapping
    PageResponse<UserView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(users.list(Paging.of(page, size, Sort.unsorted())), u -> u);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable Long id) {
        return users.get(id);
    }

    /** Ends a lock after too many failed sign-ins (ADMIN). */
    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable Long id) {
        return users.unlock(id);
    }

    @PatchMapping("/{id}")
    UserView update(@PathVariable Long id, @RequestBody UserService.UserChange change) {
        return users.update(id, change);
    }
}
