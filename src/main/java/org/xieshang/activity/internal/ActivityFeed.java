package org.xieshang.activity.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.tenancy.CommitteeContext;

/**
 * A member's activities as an iCalendar feed for their phone's calendar. The link is public but
 * signed (HMAC of committee and member with the committee's feed key), as calendar apps cannot sign in.
 */
@Service
class ActivityFeed {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final FeedKeyRepository keys;
    private final ActivityService activities;

    ActivityFeed(FeedKeyRepository keys, ActivityService activities) {
        this.keys = keys;
        this.activities = activities;
    }

    static String path(Long committeeId, Long memberId, String signature) {
        return "/public/activities/feed/" + committeeId + "/" + memberId + "/" + signature + ".ics";
    }

    @Transactional
    public String linkForCurrentMember() {
        CurrentUser user = CurrentUsers.require();
        if (user.memberId() == null) {
            throw new Forbidden();
        }
        String secret = keys.findFirstByOrderByIdAsc().orElseGet(() -> keys.save(new FeedKey(CheckInCode.newSecret())))
                .getSecret();
        String path = path(user.committeeId(), user.memberId(), sign(secret, user.committeeId(), user.memberId()));
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }

    static String sign(String secret, Long committeeId, Long memberId) {
        return CheckInCode.hmac(secret, "feed:" + committeeId + ":" + memberId);
    }

    /** The feed, or 404 for an unknown committee or a wrong signature (runs in the committee's context). */
    @Transactional(readOnly = true)
    public String ics(Long committeeId, Long memberId, String signature) {
        String secret = keys.findFirstByOrderByIdAsc().map(FeedKey::getSecret).orElseThrow(NotFound::new);
        byte[] expected = sign(secret, committeeId, memberId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!CommitteeContext.current().equals(committeeId) || signature == null
                || !java.security.MessageDigest.isEqual(expected, signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new NotFound();
        }
        return render(committeeId, activities.ofMemberForFeed(memberId), activities.now());
    }

    static String render(Long committeeId, List<Activity> list, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Xieshang//Activities//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        for (Activity a : list) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:activity-" + committeeId + "-" + a.getId() + "@xieshang");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(a.getStartsAt()));
            line(out, "DTEND:" + UTC.format(a.getEndsAt()));
            line(out, "SUMMARY:" + escape(a.getTitle()));
            line(out, "LOCATION:" + escape(a.getLocation()));
            if (a.getDescription() != null) {
                line(out, "DESCRIPTION:" + escape(a.getDescription()));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Writes a content line folded at 75 octets (RFC 5545 §3.1), never splitting a character. */
    static void line(StringBuilder out, String text) {
        int octets = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
