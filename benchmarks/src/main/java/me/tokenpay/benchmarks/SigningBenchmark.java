package me.tokenpay.benchmarks;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import me.tokenpay.spring.client.signature.SecureRandomNonceGenerator;
import me.tokenpay.spring.client.signature.TtpayAuthorizationSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpMethod;

/**
 * Request signing: the starter's signer against one that makes a {@code Cipher} per
 * signature, on a Cancel Payout plaintext.
 *
 * @author TokenPay Spring Boot team
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class SigningBenchmark {

	private final TtpayAuthorizationSigner signer = new TtpayAuthorizationSigner(Fixtures.credentials());

	private final SecureRandomNonceGenerator nonceGenerator = new SecureRandomNonceGenerator();

	private final NaiveSigner naive = new NaiveSigner(Fixtures.APP_SECRET);

	private final String timestamp = Fixtures.timestamp(Instant.now());

	@Setup
	public void check() {
		String expected = this.naive.signature(Fixtures.PATH, this.timestamp, Fixtures.NONCE, Fixtures.REQUEST_BODY);
		if (!expected.equals(starterSignature())) {
			throw new IllegalStateException("Signers disagree");
		}
	}

	/**
	 * The signature alone, as the naive signer computes it.
	 * @return the signature
	 */
	@Benchmark
	public String starterSignature() {
		return this.signer.signature(Fixtures.PATH, this.timestamp, Fixtures.NONCE, Fixtures.REQUEST_BODY);
	}

	/**
	 * The whole {@code Authorization} header: clock, secure random nonce, signature.
	 * @return the header
	 */
	@Benchmark
	public String starterAuthorizationHeader() {
		return this.signer.sign(HttpMethod.POST, Fixtures.PATH, Fixtures.REQUEST_BODY);
	}

	/**
	 * The nonce alone, part of the header.
	 * @return a nonce
	 */
	@Benchmark
	public String nonce() {
		return this.nonceGenerator.generate();
	}

	/**
	 * The baseline: {@code Cipher.getInstance} and {@code init} per signature.
	 * @return the signature
	 */
	@Benchmark
	public String naiveSignature() {
		return this.naive.signature(Fixtures.PATH, this.timestamp, Fixtures.NONCE, Fixtures.REQUEST_BODY);
	}

}
