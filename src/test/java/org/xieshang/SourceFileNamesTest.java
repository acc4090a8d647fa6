package org.xieshang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every source file declares a top-level type of its own name. The compiler plugin's up-to-date check
 * maps {@code X.java} to {@code X.class}; a file without that class counts as changed on every build, and
 * one changed file makes Maven recompile all main and then all test classes (the README's
 * {@code ./mvnw spring-boot:run} spent about 40 s on that; docs/perf.md, Start-up).
 */
class SourceFileNamesTest {

    @Test
    void everySourceFileDeclaresATypeOfItsName() throws IOException {
        assertThat(filesWithoutTheirType(Path.of("src/main/java"))).isEmpty();
        assertThat(filesWithoutTheirType(Path.of("src/test/java"))).isEmpty();
    }

    @Test
    void aFileHoldingOnlyOtherTypesIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Repositories.java"), "package p;\ninterface ARepository {\n}\n");
        Files.writeString(dir.resolve("Named.java"), "package p;\n\n/** doc */\nfinal class Named {\n}\n");
        assertThat(filesWithoutTheirType(dir)).containsExactly("Repositories.java");
    }

    private static List<String> filesWithoutTheirType(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .filter(f -> !declaresOwnType(f))
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    private static boolean declaresOwnType(Path file) {
        String name = file.getFileName().toString().replace(".java", "");
        Pattern type = Pattern.compile("(?m)^(?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*"
                + "(?:class|interface|enum|record|@interface)\\s+" + Pattern.quote(name) + "\\b");
        try {
            return type.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
