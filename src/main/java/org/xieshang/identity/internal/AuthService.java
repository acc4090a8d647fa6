package org.xieshang.identity.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * Signs people in (form or token), issues and resolves bearer tokens. Lookups run in the
 * system context because the committee is not known before the user is.
 */
@Service
class AuthService {

    record IssuedToken(String token, Instant expiresAt) {
    }

    /** A successful sign-in: the user, and the account's credentials version for the session's stamp. */
    record SignedIn(CurrentUser user, long credentialsVersion) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Compared against when the account is unknown, so that timing does not tell: the hash of a random
     * string with the encoder's default cost (BCrypt, 10; AuthServiceTest checks it stays equal), fixed here
     * rather than hashed in the constructor, which cost the start-up about 0.1-0.3 s of CPU.
     */
    static final String DUMMY_HASH = "{bcrypt}$2a$10$D9ayMPg7IMXzkPVLNDf76e0Ve5TnVjqOoVJ.WmQz7tNouMOLUD18q";

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;
    private final Duration tokenLifetime;
    private final AccountRecheck recheck;

    AuthService(UserAccountRepository users, ApiTokenRepository tokens, PasswordEncoder encoder, LoginThrottle throttle,
                TransactionTemplate tx, @Value("${xieshang.token.lifetime}") Duration tokenLifetime, AccountRecheck recheck) {
        this.recheck = recheck;
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.throttle = throttle;
        this.tx = tx;
        this.tokenLifetime = tokenLifetime;
    }

    /** The longest user name an account may have (user_account.username). */
    static final int MAX_USERNAME = 64;

    SignedIn authenticate(String username, String password, String address) {
        if (username != null && username.strip().length() > MAX_USERNAME) {
            // no account has such a name (the column holds 64): wrong credentials, before any throttle row is keyed by it
            encoder.matches(password == null ? "" : password, DUMMY_HASH);
            throw new BadCredentialsException("bad credentials");
        }
        throttle.check(username, address);
        Optional<UserAccount> account = CommitteeContext.callAsSystem(() ->
                tx.execute(s -> users.findByUsername(username == null ? "" : username.strip())));
        boolean ok = account.isPresent() && account.get().isEnabled()
                && encoder.matches(password == null ? "" : password, account.get().getPasswordHash());
        if (account.isEmpty()) {
            encoder.matches(password == null ? "" : password, DUMMY_HASH);
        }
        if (!ok) {
            throttle.failed(username, address);
            throw new BadCredentialsException("bad credentials");
        }
        throttle.succeeded(username, address);
        return new SignedIn(account.get().toCurrentUser(), account.get().getCredentialsVersion());
    }

    IssuedToken issue(CurrentUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "xs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now().plus(tokenLifetime);
        CommitteeContext.runAs(user.committeeId(), () -> tx.executeWithoutResult(s ->
                tokens.save(new ApiToken(user.committeeId(), user.id(), hash(token), expiresAt))));
        return new IssuedToken(token, expiresAt);
    }

    /** The token's user; from a brief cache that the account's and the token's changes evict ({@link AccountRecheck}). */
    Optional<CurrentUser> resolve(String token) {
        return recheck.token(hash(token), this::load);
    }

    private AccountRecheck.Token load(String hash) {
        return CommitteeContext.callAsSystem(() -> tx.execute(s -> tokens.findByTokenHash(hash)
                .filter(t -> t.isValid(Instant.now()))
                .flatMap(t -> users.findById(t.getUserId()).filter(UserAccount::isEnabled)
                        .map(u -> new AccountRecheck.Token(u.toCurrentUser(), t.getExpiresAt(), u.getCredentialsVersion())))
                .orElse(null)));
    }

    void revoke(String token, Long committeeId) {
        CommitteeContext.runAs(committeeId, () -> tx.executeWithoutResult(s -> {
            tokens.findByTokenHash(hash(token)).ifPresent(ApiToken::revoke);
            recheck.tokenRevoked(hash(token));
        }));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
