package org.xieshang.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.processing.RootMapping;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;
import org.xieshang.XieshangApplication;

/**
 * application.yml tells Hibernate Search not to build a Jandex index of the application's classes at
 * start ({@code hibernate.search.mapping.build_missing_discovered_jandex_indexes: false}); it would only
 * use it to find types carrying a root mapping annotation. This test indexes the main classes as
 * Hibernate Search would and fails when such a type appears, which would then be silently unmapped.
 */
class SearchRootMappingTest {

    @Test
    void noApplicationTypeCarriesARootMappingAnnotation() throws IOException, URISyntaxException {
        Path classes = Path.of(XieshangApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Indexer indexer = new Indexer();
        int indexed = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                    indexed++;
                }
            }
        }
        assertThat(indexed).as("main classes indexed").isGreaterThan(100);
        Index index = indexer.complete();

        DotName rootMapping = DotName.createSimple(RootMapping.class.getName());
        Set<DotName> rootAnnotations = new HashSet<>(List.of(DotName.createSimple(ProjectionConstructor.class.getName()),
                DotName.createSimple(SearchEntity.class.getName())));
        // the application's own annotations meta-annotated with @RootMapping count too
        for (AnnotationInstance meta : index.getAnnotations(rootMapping)) {
            rootAnnotations.add(meta.target().asClass().name());
        }
        List<String> found = new ArrayList<>();
        for (DotName annotation : rootAnnotations) {
            for (AnnotationInstance use : index.getAnnotations(annotation)) {
                found.add(annotation.withoutPackagePrefix() + " on " + use.target());
            }
        }
        assertThat(found).as("root mapping annotations: remove build_missing_discovered_jandex_indexes=false "
                + "from application.yml or build a Jandex index into the jar").isEmpty();
    }
}
