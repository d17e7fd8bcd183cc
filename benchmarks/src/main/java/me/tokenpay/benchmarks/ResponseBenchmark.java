package me.tokenpay.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.operation.ResponseEnvelope;
import me.tokenpay.spring.client.operation.ResponseEnvelopeReader;
import me.tokenpay.spring.client.signature.ResponseSignatureMode;
import me.tokenpay.spring.client.signature.ResponseVerifier;
import me.tokenpay.spring.client.signature.SignatureCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Handling an answer: envelope parsing and signature verification of a signed Cancel
 * Payout answer.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ResponseBenchmark {

	private final Instant now = Instant.now();

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader();

	private final ResponseVerifier verifier = new ResponseVerifier(new SignatureCipher(Fixtures.APP_SECRET),
			ResponseSignatureMode.REQUIRED, Duration.ofMinutes(5), Clock.fixed(this.now, ZoneOffset.UTC));

	private final HttpHeaders headers = new HttpHeaders();

	private final ResponseEnvelope envelope;

	public ResponseBenchmark() {
		String timestamp = Fixtures.timestamp(this.now);
		this.headers.setContentType(MediaType.APPLICATION_JSON);
		this.headers.setContentLength(Fixtures.RESPONSE_BODY.length);
		this.headers.set("TTPay-Timestamp", timestamp);
		this.headers.set("TTPay-Nonce", Fixtures.NONCE);
		this.headers.set("TTPay-Signature",
				Fixtures.responseSignature(timestamp, Fixtures.NONCE, Fixtures.RESPONSE_BODY));
		this.envelope = readEnvelope();
		verify();
	}

	@Benchmark
	public ResponseEnvelope readEnvelope() {
		return this.reader.read(200, this.headers.getContentType(), Fixtures.RESPONSE_BODY);
	}

	@Benchmark
	public ResponseEnvelope verify() {
		this.verifier.verify(this.headers, Fixtures.RESPONSE_BODY, this.envelope.tree(), this.envelope.requestId());
		return this.envelope;
	}

	@Benchmark
	public ResponseEnvelope readAndVerify() {
		ResponseEnvelope read = this.reader.read(200, this.headers.getContentType(), Fixtures.RESPONSE_BODY);
		this.verifier.verify(this.headers, Fixtures.RESPONSE_BODY, read.tree(), read.requestId());
		return read;
	}

}
