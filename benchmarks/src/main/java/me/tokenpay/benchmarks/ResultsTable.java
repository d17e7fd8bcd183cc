package me.tokenpay.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH JSON result files into the Markdown tables of {@code docs/benchmarks.md}:
 * medians, p50/p99, allocation per operation and the ratios to the baselines.
 *
 * @author TokenPay Spring Boot team
 */
public final class ResultsTable {

	private ResultsTable() {
	}

	public static void main(String[] args) {
		JsonMapper mapper = JsonMapper.builder().build();
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String file : args) {
			for (JsonNode result : mapper.readTree(new File(file))) {
				Row row = new Row(result);
				rows.put(row.key(), row);
			}
		}
		StringBuilder out = new StringBuilder();
		micro(out, rows, "SigningBenchmark", "naiveSignature");
		micro(out, rows, "ResponseBenchmark", null);
		endToEnd(out, rows);
		startup(out, rows);
		System.out.print(out);
	}

	private static void micro(StringBuilder out, Map<String, Row> rows, String type, String baseline) {
		out.append("\n### ").append(type).append("\n\n");
		out.append("| benchmark | median | mean ± error | B/op |")
			.append((baseline != null) ? " speed-up vs " + baseline + " |" : "")
			.append('\n');
		out.append("|---|---:|---:|---:|").append((baseline != null) ? "---:|" : "").append('\n');
		Row base = (baseline != null) ? rows.get(type + "." + baseline + "@1") : null;
		for (Row row : rows.values()) {
			if (!row.type.equals(type)) {
				continue;
			}
			out.append(String.format(Locale.ROOT, "| %s | %.0f %s | %.0f ± %.0f | %.0f |", row.method, row.median,
					row.unit, row.score, row.error, row.bytesPerOp));
			if (base != null) {
				out.append(String.format(Locale.ROOT, " %.1f× |", base.median / row.median));
			}
			out.append('\n');
		}
	}

	private static void endToEnd(StringBuilder out, Map<String, Row> rows) {
		out.append("\n### EndToEndBenchmark (SampleTime; throughput = threads / mean latency)\n\n");
		out.append("| threads | client | ops/s | mean µs | p50 µs | p99 µs | B/op | template mean / this |\n");
		out.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
		for (int threads : new int[] { 1, 4, 16, 64 }) {
			Row template = rows.get("EndToEndBenchmark.template@" + threads);
			for (String client : List.of("template", "plainRestClient", "pooledRestClient", "okHttp",
					"jdkHttpClient")) {
				Row row = rows.get("EndToEndBenchmark." + client + "@" + threads);
				if (row == null) {
					continue;
				}
				out.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %s |\n", threads,
						client, threads * 1_000_000 / row.score, row.score, row.p50, row.p99, row.bytesPerOp,
						(template != null) ? String.format(Locale.ROOT, "%.2f", template.score / row.score) : ""));
			}
		}
	}

	private static void startup(StringBuilder out, Map<String, Row> rows) {
		out.append("\n### Start-up (ms per application context refresh)\n\n");
		out.append("| kind | with starter (median) | without (median) | cost of the auto-configuration |\n");
		out.append("|---|---:|---:|---:|\n");
		for (String[] kind : new String[][] { { "StartupBenchmark", "cold" }, { "StartupWarmBenchmark", "warm" } }) {
			Row with = rows.get(kind[0] + "." + kind[1] + "WithStarter@1");
			Row without = rows.get(kind[0] + "." + kind[1] + "WithoutStarter@1");
			if (with != null && without != null) {
				out.append(String.format(Locale.ROOT, "| %s (%d samples each) | %.1f | %.1f | %.1f |\n", kind[1],
						with.samples, with.median, without.median, with.median - without.median));
			}
		}
	}

	private static final class Row {

		final String type;

		final String method;

		final int threads;

		final double score;

		final double error;

		final String unit;

		final double median;

		final double p50;

		final double p99;

		final double bytesPerOp;

		final int samples;

		Row(JsonNode result) {
			String benchmark = result.get("benchmark").asString();
			String[] parts = benchmark.split("\\.");
			this.type = parts[parts.length - 2];
			this.method = parts[parts.length - 1];
			this.threads = result.get("threads").asInt();
			JsonNode primary = result.get("primaryMetric");
			this.score = primary.get("score").asDouble();
			this.error = primary.get("scoreError").asDouble(0);
			this.unit = primary.get("scoreUnit").asString();
			JsonNode percentiles = primary.get("scorePercentiles");
			this.p50 = percentiles.get("50.0").asDouble();
			this.p99 = percentiles.get("99.0").asDouble();
			List<Double> raw = new ArrayList<>();
			JsonNode rawData = primary.get("rawData");
			for (JsonNode fork : (rawData != null) ? rawData : JsonMapper.builder().build().createArrayNode()) {
				for (JsonNode iteration : fork) {
					raw.add(iteration.asDouble());
				}
			}
			double[] values = raw.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			this.samples = values.length;
			this.median = (values.length == 0) ? this.p50 : median(values);
			double bytes = Double.NaN;
			JsonNode secondary = result.get("secondaryMetrics");
			if (secondary != null) {
				for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
					if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
						bytes = metric.getValue().get("score").asDouble();
					}
				}
			}
			this.bytesPerOp = bytes;
		}

		String key() {
			return this.type + "." + this.method + "@" + this.threads;
		}

		private static double median(double[] sorted) {
			int middle = sorted.length / 2;
			return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}

		@Override
		public String toString() {
			return key() + Arrays.toString(new double[] { this.score, this.median });
		}

	}

}
