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

    private final ObjectProvider<BulletinSubjectSource> provider;
    private volatile Map<String, BulletinSubjectSource> sources;

    /** Any number of sources, none included (a module without subjects of its own still issues bulletins). */
    BulletinSubjects(ObjectProvider<BulletinSubjectSource> sources) {
        this.provider = sources;
    }

    Optional<BulletinSubjectSource> source(String type) {
        return Optional.ofNullable(sources().get(type));
    }

    /*
     * Read at first use, not in the constructor: a source's type() may go through a transactional proxy, and
     * during start-up that made the main thread wait for the JPA factory being built in the background
     * (docs/perf.md, Start-up).
     */
    private Map<String, BulletinSubjectSource> sources() {
        Map<String, BulletinSubjectSource> m = sources;
        if (m == null) {
            Map<String, BulletinSubjectSource> byType = new HashMap<>();
            provider.orderedStream().forEach(s -> byType.put(s.type(), s));
            m = Map.copyOf(byType);
            sources = m;
        }
        return m;
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
