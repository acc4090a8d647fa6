package org.xieshang.bulletin.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xieshang.bulletin.BulletinSubject;
import org.xieshang.bulletin.BulletinSubjectSource;
import org.xieshang.bulletin.BulletinSubjectSource.SubjectDetails;
import org.xieshang.shared.CurrentUser;

/** The subject sources the other modules registered, by type; a bulletin's only way to its subjects. */
@Component
class BulletinSubjects {

    /** A subject with how it reads now ({@code details} null when its source no longer knows it). */
    record Resolved(BulletinSubject subject, SubjectDetails details) {

        String number() {
            return details == null ? null : details.number();
        }

        String title() {
            return details == null ? subject.title() : details.title();
        }

        Long leadUnitId() {
            return details == null ? null : details.leadUnitId();
        }
    }

    private final Map<String, BulletinSubjectSource> sources = new HashMap<>();

    /** Any number of sources, none included (a module without subjects of its own still issues bulletins). */
    BulletinSubjects(ObjectProvider<BulletinSubjectSource> sources) {
        sources.orderedStream().forEach(s -> this.sources.put(s.type(), s));
    }

    Optional<BulletinSubjectSource> source(String type) {
        return Optional.ofNullable(sources.get(type));
    }

    /** The subjects as they read now, in the bulletin's order; one query per source. */
    List<Resolved> resolve(List<BulletinSubject> subjects) {
        Map<String, List<Long>> byType = new LinkedHashMap<>();
        subjects.forEach(s -> byType.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s.id()));
        Map<String, Map<Long, SubjectDetails>> found = new HashMap<>();
        byType.forEach((type, ids) -> {
            Map<Long, SubjectDetails> m = new HashMap<>();
            source(type).ifPresent(src -> src.details(ids).forEach(d -> m.put(d.id(), d)));
            found.put(type, m);
        });
        return subjects.stream().map(s -> new Resolved(s, found.get(s.type()).get(s.id()))).toList();
    }

    String href(BulletinSubject subject, CurrentUser user) {
        return source(subject.type()).map(s -> s.href(subject.id(), user)).orElse(null);
    }
}
