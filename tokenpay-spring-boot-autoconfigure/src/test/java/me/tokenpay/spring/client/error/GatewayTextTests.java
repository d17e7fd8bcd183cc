package me.tokenpay.spring.client.error;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GatewayText}.
 *
 * @author TokenPay Spring Boot team
 */
class GatewayTextTests {

	@Test
	void escapesControlLineSeparatorAndBidiCharacters() {
		assertThat(GatewayText.safe("a\r\nb\u001b[31m\u0000\u0085\u2028\u202e\u2066c", 100))
			.isEqualTo("a\\u000d\\u000ab\\u001b[31m\\u0000\\u0085\\u2028\\u202e\\u2066c");
		assertThat(GatewayText.safe("plain text: ok, 成功", 100)).isEqualTo("plain text: ok, 成功");
		assertThat(GatewayText.safe(null, 10)).isNull();
	}

	@Test
	void cutsLongTextWithAMarkWithoutSplittingASurrogatePair() {
		assertThat(GatewayText.safe("x".repeat(20), 5)).isEqualTo("xxxxx…[cut 15 chars]");
		assertThat(GatewayText.safe("abcd\uD83D\uDE00ef", 5)).isEqualTo("abcd…[cut 4 chars]");
	}

	@Test
	void keepsIdShapedRequestIdsAndEscapesOthers() {
		assertThat(GatewayText.requestId("f23ade4a-e5ca-48f4-a4bb-59114ac360ba"))
			.isEqualTo("f23ade4a-e5ca-48f4-a4bb-59114ac360ba");
		assertThat(GatewayText.requestId("r\nx")).isEqualTo("r\\u000ax");
		assertThat(GatewayText.requestId("r".repeat(200))).startsWith("r".repeat(128) + "…[cut 72 chars]");
	}

	@Test
	void keepsASafeCauseAndCopiesAnUnsafeOneEscaped() {
		IOException safe = new IOException("connection reset");
		assertThat(GatewayText.safeCause(safe)).isSameAs(safe);
		IOException unsafe = new IOException("outer", new IllegalStateException("token 'tru\u0007e'"));
		Throwable copy = GatewayText.safeCause(unsafe);
		assertThat(copy).isNotSameAs(unsafe);
		assertThat(copy.toString()).isEqualTo("java.io.IOException: outer");
		assertThat(copy.getCause().toString()).isEqualTo("java.lang.IllegalStateException: token 'tru\\u0007e'");
		assertThat(copy.getStackTrace()).isEqualTo(unsafe.getStackTrace());
	}

}
