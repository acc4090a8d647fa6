package org.xieshang.bench;

import java.sql.*;
import java.nio.file.*;
import java.util.concurrent.*;

/**
 * Cost of a commit on the embedded H2 file database, default settings against WRITE_DELAY=0 (issue 14, finding 4):
 * single-row inserts in autocommit, 1 and 4 threads, each configuration twice. Not a test: run it with the H2 jar,
 * {@code java -cp h2-2.4.240.jar src/test/java/org/xieshang/bench/H2CommitBenchmark.java}.
 */
public class H2CommitBenchmark {
    public static void main(String[] a) throws Exception {
        for (String opts : new String[]{"", ";WRITE_DELAY=0", "", ";WRITE_DELAY=0"}) {
            Path dir = Files.createTempDirectory("h2b");
            String url = "jdbc:h2:file:" + dir + "/db;DB_CLOSE_ON_EXIT=FALSE" + opts;
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                c.createStatement().execute("create table t (id bigint auto_increment primary key, title varchar(200), body varchar(4000))");
            }
            for (int threads : new int[]{1, 4}) {
                int perThread = 1000;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long start = System.nanoTime();
                var futures = new java.util.ArrayList<Future<?>>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                            PreparedStatement ps = c.prepareStatement("insert into t (title, body) values (?, ?)");
                            for (int i = 0; i < perThread; i++) {
                                ps.setString(1, "关于加强社区养老服务的建议" + i);
                                ps.setString(2, "现状分析".repeat(100));
                                ps.executeUpdate(); // autocommit: one commit per row
                            }
                        }
                        return null;
                    }));
                }
                for (var f : futures) f.get();
                long nanos = System.nanoTime() - start;
                pool.shutdown();
                int n = threads * perThread;
                System.out.printf("%-16s threads=%d commits=%d  %.3f ms/commit  %.0f commits/s%n",
                        opts.isEmpty() ? "default" : opts.substring(1), threads, n, nanos / 1e6 / n, n / (nanos / 1e9));
            }
        }
    }
}
