package org.xieshang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of DESIGN §10: no cycles, no reaching into another module's internals,
 * and only the dependencies each module's package-info declares. Also keeps the generated
 * module diagrams in docs/modules current.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(XieshangApplication.class);
    static final String DOCS = "docs/modules";

    @Test
    void verifiesModuleStructure() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(Path.of(DOCS))) {
            files.filter(f -> f.toString().endsWith(".puml")).forEach(ModularityTests::sortBody);
        }
    }

    /**
     * The generator's element order follows hash iteration, so the files would change on every
     * run; sorting each run of consecutive Component(...) or Rel(...) lines keeps them stable
     * (their order does not matter to PlantUML).
     */
    private static void sortBody(Path file) {
        try {
            var lines = Files.readAllLines(file);
            var out = new ArrayList<String>();
            var run = new ArrayList<String>();
            for (String line : lines) {
                if (isDeclaration(line)) {
                    run.add(line);
                    continue;
                }
                Collections.sort(run);
                out.addAll(run);
                run.clear();
                out.add(line);
            }
            Collections.sort(run);
            out.addAll(run);
            Files.write(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDeclaration(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("Component(") || trimmed.startsWith("Rel(");
    }
}
