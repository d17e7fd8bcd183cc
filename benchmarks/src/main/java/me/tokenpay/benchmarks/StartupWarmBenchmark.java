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
 * Start-up once classes are loaded and compiled: repeated refreshes of the same minimal
 * application context, with and without the starter's auto-configuration.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(2)
public class StartupWarmBenchmark {

	@Benchmark
	public void warmWithStarter() {
		StartupApplication.run(true).close();
	}

	@Benchmark
	public void warmWithoutStarter() {
		StartupApplication.run(false).close();
	}

}
