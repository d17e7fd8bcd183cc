package me.tokenpay.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up in a fresh JVM: the first refresh of a minimal application context, with and
 * without the starter's auto-configuration. Includes class loading and JIT warm-up, so
 * many forks are needed for a stable median.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(12)
public class StartupBenchmark {

	@Benchmark
	public void coldWithStarter() {
		StartupApplication.run(true).close();
	}

	@Benchmark
	public void coldWithoutStarter() {
		StartupApplication.run(false).close();
	}

}
