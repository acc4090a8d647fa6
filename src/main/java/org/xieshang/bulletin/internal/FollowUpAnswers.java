package org.xieshang.bulletin.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.xieshang.bulletin.internal.Bulletins.FollowUpFileView;
import org.xieshang.bulletin.internal.Bulletins.FollowUpView;
import org.xieshang.notification.Notifications;
import org.xieshang.notification.Notifications.Notice;
import org.xieshang.shared.CurrentUser;
import org.xieshang.shared.CurrentUsers;
import org.xieshang.shared.Role;
import org.xieshang.shared.error.Conflict;
import org.xieshang.shared.error.Forbidden;
import org.xieshang.shared.error.InvalidInput;
import org.xieshang.shared.error.NotFound;
import org.xieshang.shared.files.FileStore;

/**
 * The unit's side of a leader's comment (issue 15 point 3): the unit concerned answers what it did
 * and attaches files while the follow-up is open; the office is told and closes it
 * ({@link Bulletins#done}), which tells the commenting leader. Who sees a follow-up: the office, the
 * unit concerned and the bulletin's recipient leaders; anyone else gets 404. Entity changes are
 * audited by the audit module's listener.
 */
@Service
@Transactional
class FollowUpAnswers {

    static final int ANSWER_MAX = 4000;
    static final int MAX_FILES = 10;

    record Stored(String filename, String contentType, Path path) {
    }

    private final BulletinFollowUpRepository followUps;
    private final BulletinFollowUpFileRepository files;
    private final BulletinRepository bulletins;
    private final BulletinRecipientRepository recipients;
    private final Bulletins views;
    private final Notifications notifications;
    private final FileStore store;
    private final Clock clock;

    FollowUpAnswers(BulletinFollowUpRepository followUps, BulletinFollowUpFileRepository files,
                    BulletinRepository bulletins, BulletinRecipientRepository recipients, Bulletins views,
                    Notifications notifications, FileStore store, Clock clock) {
        this.followUps = followUps;
        this.files = files;
        this.bulletins = bulletins;
        this.recipients = recipients;
        this.views = views;
        this.notifications = notifications;
        this.store = store;
        this.clock = clock;
    }

    /** The unit's answer (given again, it replaces the last one); 409 once closed or when {@code version} is stale. */
    FollowUpView answer(Long bulletinId, Long followUpId, String text, Long expectedVersion) {
        CurrentUser user = CurrentUsers.require();
        BulletinFollowUp f = mayAnswer(bulletinId, followUpId, user);
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > ANSWER_MAX) {
            throw InvalidInput.field("answer", "validation.length", 1, ANSWER_MAX);
        }
        open(f);
        Bulletins.checkVersion(f, expectedVersion);
        f.answer(clean, user.displayName(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        followUps.saveAndFlush(f);
        String title = bulletins.findById(bulletinId).map(Bulletin::getTitle).orElse("");
        notifications.toRole(Role.PROPOSAL_STAFF, Notice.of("bulletin.notice.followUpAnswered",
                "/bulletins/" + bulletinId + "#follow-up-" + followUpId, title));
        return views.followUpView(f);
    }

    /** A file for the answer: 400 bad file, 409 once closed. */
    FollowUpFileView attach(Long bulletinId, Long followUpId, MultipartFile file) {
        CurrentUser user = CurrentUsers.require();
        BulletinFollowUp f = mayAnswer(bulletinId, followUpId, user);
        String name = FileStore.checked(file, "bulletin");
        open(f);
        if (files.countByFollowUpId(followUpId) >= MAX_FILES) {
            throw InvalidInput.field("file", "bulletin.validation.fileCount", MAX_FILES);
        }
        BulletinFollowUpFile saved = files.saveAndFlush(new BulletinFollowUpFile(followUpId, name, FileStore.contentType(name),
                file.getSize(), store.store("bulletin-follow-ups", file), user.username(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return new FollowUpFileView(saved.getId(), saved.getFilename(), saved.getSize(),
                "/api/v1/bulletins/" + bulletinId + "/follow-ups/" + followUpId + "/files/" + saved.getId());
    }

    /** A file to download, for whoever sees the follow-up. */
    @Transactional(readOnly = true)
    Stored file(Long bulletinId, Long followUpId, Long fileId) {
        CurrentUser user = CurrentUsers.require();
        visible(bulletinId, followUpId, user);
        BulletinFollowUpFile x = files.findById(fileId).filter(y -> y.getFollowUpId().equals(followUpId))
                .orElseThrow(NotFound::new);
        return new Stored(x.getFilename(), x.getContentType(), store.path(x.getStorageKey()));
    }

    /** The follow-up, if the user is of the unit concerned; 403 for others who see it, 404 for the rest. */
    private BulletinFollowUp mayAnswer(Long bulletinId, Long followUpId, CurrentUser user) {
        BulletinFollowUp f = visible(bulletinId, followUpId, user);
        if (!ofUnit(user, f)) {
            throw new Forbidden();
        }
        return f;
    }

    private BulletinFollowUp visible(Long bulletinId, Long followUpId, CurrentUser user) {
        BulletinFollowUp f = followUps.findById(followUpId).filter(x -> x.getBulletinId().equals(bulletinId))
                .orElseThrow(NotFound::new);
        boolean sees = Bulletins.isStaff(user) || ofUnit(user, f)
                || (user.hasAny(Role.LEADER_GOV, Role.LEADER_CPPCC)
                    && recipients.findByBulletinIdAndUserId(bulletinId, user.id()).isPresent());
        if (!sees) {
            throw new NotFound();
        }
        return f;
    }

    static boolean ofUnit(CurrentUser user, BulletinFollowUp f) {
        return user.unitId() != null && user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)
                && Objects.equals(user.unitId(), f.getUnitId());
    }

    private static void open(BulletinFollowUp f) {
        if (f.getDoneAt() != null) {
            throw new Conflict("bulletin.followUpDone");
        }
    }
}
