package org.xieshang.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One real OpenSearch 2.19 node per test JVM (from Maven Central, nothing installed by hand),
 * started on first use in a JVM of its own and stopped when the test JVM exits. Its own JVM,
 * because the node needs Log4j as its logging backend (the application routes Log4j to
 * Logback) and asserts its own Lucene version (the application's is a patch release newer).
 * Every OpenSearch-backed test uses this node; application contexts keep their indexes apart
 * with a name prefix of their own.
 */
public final class SharedOpenSearch {

    private static String uri;

    private SharedOpenSearch() {
    }

    /** The node's HTTP address, e.g. http://127.0.0.1:9250. */
    public static synchronized String uri() {
        if (uri == null) {
            uri = start();
        }
        return uri;
    }

    private static String start() {
        try {
            Path home = Files.createTempDirectory("xieshang-opensearch");
            int port = freePort();
            String classPath = classPath().stream()
                    .filter(e -> !e.contains("log4j-to-slf4j") && !e.contains("logback"))
                    .collect(Collectors.joining(File.pathSeparator));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // a benchmark's node needs more than a test's (-Dxieshang.opensearch.heap=2g)
            String heap = System.getProperty("xieshang.opensearch.heap", "512m");
            Process process = new ProcessBuilder(List.of(java, "-Xms256m", "-Xmx" + heap, "-XX:+UseSerialGC",
                    "-Dlog4j2.level=warn", "-cp", classPath, Node.class.getName(), home.toString(), String.valueOf(port)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                try {
                    process.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder log = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // keep the pipe empty so the node never blocks on its output
                            }
                        } catch (IOException e) {
                            // the node stopped
                        }
                    }, "opensearch-output");
                    drain.setDaemon(true);
                    drain.start();
                    return "http://127.0.0.1:" + line.substring(6).trim();
                }
                log.append(line).append('\n');
            }
            throw new IllegalStateException("OpenSearch did not start:\n" + log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test classpath: the JVM's, or — when run by exec:java inside Maven, whose JVM classpath is
     * Maven's own — the entries of the class loader that loaded this class.
     */
    private static List<String> classPath() {
        if (SharedOpenSearch.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return entries;
        }
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The node's own JVM: starts, says READY with its port, and stops when its parent closes stdin or exits. */
    public static final class Node {

        public static void main(String[] args) throws Exception {
            String home = args[0];
            int port = Integer.parseInt(args[1]);
            OpenSearchRunner runner = new OpenSearchRunner();
            runner.setMaxHttpPort(-1); // take the free port as it is (node 1 listens on base + 1)
            runner.onBuild((number, settings) -> {
                settings.put("network.host", "127.0.0.1");
                // test machines may have little free disk: never block writes for disk watermarks
                settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            });
            runner.build(OpenSearchRunner.newConfigs().basePath(home).numOfNode(1).baseHttpPort(port - 1)
                    // a cluster name of its own: nodes of other test JVMs on this machine (they probe the
                    // neighbouring transport ports) would otherwise join it and take replicas of its indexes
                    .clusterName("xieshang-test-" + port).disableESLogger());
            runner.ensureYellow();
            System.out.println("READY " + runner.node().settings().get("http.port"));
            System.out.flush();
            Thread parentWatch = new Thread(() -> {
                ProcessHandle.current().parent().ifPresent(p -> p.onExit().join());
                System.exit(0);
            });
            parentWatch.setDaemon(true);
            parentWatch.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    runner.close();
                    runner.clean();
                } catch (IOException | RuntimeException e) {
                    // exiting anyway
                }
            }));
            Thread.currentThread().join();
        }
    }
}
