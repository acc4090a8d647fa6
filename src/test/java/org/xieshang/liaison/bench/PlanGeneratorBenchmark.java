package org.xieshang.liaison.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.xieshang.liaison.internal.PlanGenerator;
import org.xieshang.liaison.internal.PlanGenerator.Input;
import org.xieshang.liaison.internal.PlanGenerator.Pair;
import org.xieshang.liaison.internal.PlanGenerator.Person;
import org.xieshang.liaison.internal.PlanGenerator.Result;

/**
 * How long the liaison plan generator takes for 300 liaisons and 3,000 members in 30 sectors
 * (target: at most 1 s). Histories: FIRST_YEAR (no previous pairs); ROTATION (last year's plan of
 * the same committee with 5 % of members and 10 liaisons changed: the yearly case); ADVERSARIAL
 * (every member "held" by 3 random liaisons last year, and 600 members by all but 10 liaisons,
 * whose 100 places cannot take them all: at least 500 repeats are unavoidable, and the repair
 * searches run over 190,000 previous pairs). {@code generate} is the warmed average;
 * {@code generateCold} the first call in a fresh JVM.
 *
 * <p>Run: see docs/benchmarks-liaison.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanGeneratorBenchmark {

    public static final int LIAISONS = 300;
    public static final int MEMBERS = 3000;
    public static final int SECTORS = 30;

    @Param({"FIRST_YEAR", "ROTATION", "ADVERSARIAL"})
    public String history;

    private Input input;

    @Setup(Level.Trial)
    public void setUp() {
        input = input(history, new Random(2026));
    }

    @Benchmark
    public Result generate() {
        return PlanGenerator.generate(input);
    }

    /** The first plan of a fresh JVM (no JIT yet): what an office waits for after a restart. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Result generateCold() {
        return PlanGenerator.generate(input);
    }

    static Input input(String history, Random random) {
        List<Person> liaisons = new ArrayList<>();
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < LIAISONS; i++) {
            liaisons.add(new Person(1 + i, random.nextInt(SECTORS)));
        }
        for (int i = 0; i < MEMBERS; i++) {
            members.add(new Person(10_000 + i, random.nextInt(SECTORS)));
        }
        List<Pair> previous = new ArrayList<>();
        switch (history) {
            case "FIRST_YEAR" -> { }
            case "ROTATION" -> {
                // last year: 10 other liaisons, 150 members who have left since; then this year's people
                List<Person> lastLiaisons = new ArrayList<>(liaisons.subList(10, LIAISONS));
                for (int i = 0; i < 10; i++) {
                    lastLiaisons.add(new Person(5_000 + i, random.nextInt(SECTORS)));
                }
                List<Person> lastMembers = new ArrayList<>(members.subList(150, MEMBERS));
                for (int i = 0; i < 150; i++) {
                    lastMembers.add(new Person(50_000 + i, random.nextInt(SECTORS)));
                }
                PlanGenerator.generate(new Input(lastLiaisons, lastMembers, List.of(), 10)).groups()
                        .forEach(g -> g.memberIds().forEach(m -> previous.add(new Pair(g.liaisonId(), m))));
            }
            case "ADVERSARIAL" -> {
                for (Person m : members) {
                    for (int k = 0; k < 3; k++) {
                        previous.add(new Pair(1 + random.nextInt(LIAISONS), m.id()));
                    }
                }
                for (int i = 0; i < 600; i++) {
                    for (int l = 11; l <= LIAISONS; l++) {
                        previous.add(new Pair(l, members.get(i * 5).id()));
                    }
                }
            }
            default -> throw new IllegalArgumentException(history);
        }
        return new Input(liaisons, members, previous, 10);
    }

    /** A quick check without JMH: one cold and one warm run per history, with the plan's numbers. */
    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("--quick")) {
            for (String h : List.of("FIRST_YEAR", "ROTATION", "ADVERSARIAL")) {
                Input in = input(h, new Random(2026));
                for (int run = 0; run < 2; run++) {
                    long start = System.nanoTime();
                    Result r = PlanGenerator.generate(in);
                    System.out.printf("%-12s run %d: %6.1f ms, %d repeats, %d warnings%n", h, run,
                            (System.nanoTime() - start) / 1e6, r.repeatedPairs(), r.warnings().size());
                }
            }
            return;
        }
        new Runner(new OptionsBuilder().include(PlanGeneratorBenchmark.class.getSimpleName()).build()).run();
    }
}
