package org.promoattribution.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code bench --micro}: the JMH benchmarks of this package, short (one fork, 2 x 1 s warm-up,
 * 3 x 1 s measured; an iteration lasts at least one call, so the worst-case matcher's slowest
 * orders, of several seconds each, make the whole run about three minutes); results in micro.json.
 */
public final class MicroBenchmarks {
    private MicroBenchmarks() {
    }

    public static void run(Path outputDir) throws RunnerException, IOException {
        Files.createDirectories(outputDir);
        Options options = new OptionsBuilder()
                .include(MicroBenchmarks.class.getPackageName() + ".*Benchmark")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON)
                .result(outputDir.resolve("micro.json").toString())
                .build();
        new Runner(options).run();
    }
}
