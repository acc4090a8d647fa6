package org.xieshang.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xieshang.committee.Committees;
import org.xieshang.document.WordDocument;
import org.xieshang.identity.UserAccounts.NewUser;
import org.xieshang.member.MemberDirectory;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.i18n.Messages;

/**
 * Accounts for selected members in one step (issue 17, point 12): each gets a MEMBER account with a
 * random initial password, which the existing rule makes them change at the first sign-in (a password
 * set by an administrator), and one printed letter (one page per member, in the committee's language).
 * Members who already have an account are left out; all or nothing in one transaction.
 */
@Service
class MemberAccounts {

    static final int MAX = 500;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    record Created(Long memberId, String name, String username, String password) {
    }

    private final UserService users;
    private final UserAccountRepository accounts;
    private final MemberDirectory members;
    private final Committees committees;
    private final Messages messages;

    MemberAccounts(UserService users, UserAccountRepository accounts, MemberDirectory members, Committees committees,
                   Messages messages) {
        this.users = users;
        this.accounts = accounts;
        this.members = members;
        this.committees = committees;
        this.messages = messages;
    }

    @Transactional
    List<Created> create(List<Long> memberIds) {
        CurrentUsers.requireAny(Role.ADMIN);
        if (memberIds == null || memberIds.isEmpty() || memberIds.size() > MAX) {
            throw InvalidInput.field("memberIds", "validation.memberIds", MAX);
        }
        List<Created> created = new ArrayList<>();
        for (Long memberId : new LinkedHashSet<>(memberIds)) {
            var member = memberId == null ? null : members.find(memberId).orElse(null);
            if (member == null) {
                throw InvalidInput.field("memberIds", "validation.unknownMember", String.valueOf(memberId));
            }
            if (accounts.existsByMemberId(memberId)) {
                continue;
            }
            created.add(createOne(memberId, member.name()));
        }
        if (created.isEmpty()) {
            throw new Conflict("error.membersHaveAccounts");
        }
        return created;
    }

    /** User name m&lt;id, four digits at least&gt; (m0007), or with a letter after it when that is taken (in any committee). */
    private Created createOne(Long memberId, String name) {
        for (int attempt = 0; attempt < 5; attempt++) {
            // at least four digits: user names need three characters or more
            String username = String.format("m%04d", memberId) + (attempt == 0 ? "" : String.valueOf((char) ('a' + attempt - 1)));
            String password = password(username);
            try {
                users.create(new NewUser(username, password, name, EnumSet.of(Role.MEMBER), memberId, null));
                return new Created(memberId, name, username, password);
            } catch (Conflict taken) {
                // the next name
            }
        }
        throw new Conflict("error.usernameTaken", String.format("m%04d", memberId));
    }

    private static String password(String username) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String p = sb.toString();
            if (!p.toLowerCase().contains(username.toLowerCase())) {
                return p;
            }
        }
    }

    /** One letter per member, one page each, in the committee's language. */
    byte[] letters(List<Created> created) {
        String committee = committees.find(CurrentUsers.require().committeeId())
                .map(Committees.CommitteeView::name).orElse("");
        WordDocument doc = new WordDocument();
        for (int i = 0; i < created.size(); i++) {
            Created c = created.get(i);
            if (i > 0) {
                doc.pageBreak();
            }
            doc.title(messages.committee("accounts.letter.title"))
                    .subtitle(committee)
                    .paragraph(messages.committee("accounts.letter.greeting", c.name()))
                    .paragraph(messages.committee("accounts.letter.opened", committee))
                    .paragraph(messages.committee("accounts.letter.username", c.username()))
                    .paragraph(messages.committee("accounts.letter.password", c.password()))
                    .paragraph(messages.committee("accounts.letter.change"));
        }
        return doc.bytes();
    }
}
