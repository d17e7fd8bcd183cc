package me.tokenpay.spring.client;

import java.nio.charset.StandardCharsets;

import me.tokenpay.spring.client.error.TokenPayEmptyResponseException;
import me.tokenpay.spring.client.error.TokenPayInvalidResponseException;
import me.tokenpay.spring.client.error.TokenPayMalformedResponseException;
import me.tokenpay.spring.client.error.TokenPayNonJsonResponseException;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import me.tokenpay.spring.client.operation.ResponseEnvelopeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ResponseEnvelopeReader}.
 *
 * @author TokenPay Spring Boot team
 */
class ResponseEnvelopeReaderTests {

	private static final String REQUEST_ID = "f23ade4a-e5ca-48f4-a4bb-59114ac360ba";

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader();

	@Test
	void readsSuccessEnvelope() {
		ResponseEnvelope envelope = read("{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + REQUEST_ID + "\"}");
		assertThat(envelope.code()).isZero();
		assertThat(envelope.msg()).isEqualTo("success");
		assertThat(envelope.requestId()).isEqualTo(REQUEST_ID);
		assertThat(envelope.data()).isNull();
		assertThat(envelope.tree().get("msg").stringValue()).isEqualTo("success");
	}

	@Test
	void readsErrorEnvelope() {
		ResponseEnvelope envelope = read("{\"code\":12002,\"msg\":\"Data is absence\",\"request_id\":\"r\"}");
		assertThat(envelope.code()).isEqualTo(12002);
		assertThat(envelope.msg()).isEqualTo("Data is absence");
	}

	@Test
	void ignoresUnknownFields() {
		ResponseEnvelope envelope = read("{\"extra\":[1,{\"x\":true}],\"code\":0,\"msg\":\"成功\",\"request_id\":\""
				+ REQUEST_ID + "\",\"trace\":null,\"server_time\":1673407302044}");
		assertThat(envelope.code()).isZero();
		assertThat(envelope.msg()).isEqualTo("成功");
		assertThat(envelope.requestId()).isEqualTo(REQUEST_ID);
	}

	@Test
	void readsEnvelopeWithoutMsgOrRequestId() {
		ResponseEnvelope envelope = read("{\"code\":0}");
		assertThat(envelope.msg()).isNull();
		assertThat(envelope.requestId()).isNull();
	}

	@Test
	void exposesData() {
		ResponseEnvelope envelope = read(
				"{\"code\":0,\"msg\":\"ok\",\"request_id\":\"r\",\"data\":{\"payout_id\":\"p\",\"amount\":\"12.50\"}}");
		assertThat(envelope.data()).isNotNull();
		assertThat(envelope.data().get("payout_id").stringValue()).isEqualTo("p");
		assertThat(envelope.data().get("amount").stringValue()).isEqualTo("12.50");
	}

	@Test
	void acceptsJsonWithCharsetAndJsonSuffixContentTypes() {
		byte[] body = bytes("{\"code\":0}");
		assertThat(this.reader.read(200, MediaType.parseMediaType("application/json;charset=UTF-8"), body).code())
			.isZero();
		assertThat(this.reader.read(200, MediaType.parseMediaType("application/vnd.tokenpay+json"), body).code())
			.isZero();
		assertThat(this.reader.read(200, null, bytes("  \n{\"code\":0}")).code()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\r\n\t  \n" })
	void rejectsEmptyOrWhitespaceBody(String body) {
		assertThatExceptionOfType(TokenPayEmptyResponseException.class)
			.isThrownBy(() -> this.reader.read(502, MediaType.APPLICATION_JSON, bytes(body)))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(502));
	}

	@Test
	void rejectsHtmlContentType() {
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> this.reader.read(502, MediaType.parseMediaType("text/html;charset=utf-8"),
					bytes("<html><body>502 Bad Gateway</body></html>")))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(502);
				assertThat(ex.getContentType()).isEqualTo("text/html;charset=utf-8");
			});
	}

	@Test
	void rejectsHtmlDeclaredAsTextEvenIfBodyLooksLikeJson() {
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> this.reader.read(200, MediaType.TEXT_PLAIN, bytes("{\"code\":0}")));
	}

	@Test
	void rejectsBodyStartingWithAngleBracketWithoutContentType() {
		assertThatExceptionOfType(TokenPayNonJsonResponseException.class)
			.isThrownBy(() -> this.reader.read(200, null, bytes("\n  <!DOCTYPE html><html></html>")))
			.satisfies((ex) -> assertThat(ex.getContentType()).isNull());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\":0,\"msg\":\"succ", "{\"code\":0,", "{\"code\":", "{", "{\"code\":0,\"msg\"}",
			"{code:0}", "{'code':0}" })
	void rejectsMalformedJson(String body) {
		assertThatExceptionOfType(TokenPayMalformedResponseException.class).isThrownBy(() -> read(body))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getCause()).isNotNull();
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\":0} x", "{\"code\":0}{\"code\":103}", "{\"code\":0}]", "{\"code\":0}\n<html>" })
	void rejectsTrailingContent(String body) {
		assertThatExceptionOfType(TokenPayMalformedResponseException.class).isThrownBy(() -> read(body));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\":0,\"code\":103}", "{\"code\":103,\"msg\":\"a\",\"msg\":\"b\"}",
			"{\"code\":0,\"data\":{\"a\":1,\"a\":2}}" })
	void rejectsDuplicateKeys(String body) {
		assertThatExceptionOfType(TokenPayMalformedResponseException.class).isThrownBy(() -> read(body));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"code\":0}]", "\"code\"", "0", "null", "true" })
	void rejectsRootThatIsNotAnObject(String body) {
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class).isThrownBy(() -> read(body))
			.withMessageContaining("not a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"msg\":\"ok\",\"request_id\":\"" + REQUEST_ID + "\"}",
			"{\"code\":null,\"msg\":\"ok\",\"request_id\":\"" + REQUEST_ID + "\"}" })
	void rejectsMissingCodeAndKeepsRequestId(String body) {
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class).isThrownBy(() -> read(body))
			.withMessageContaining("'code' is missing")
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"0\"", "0.0", "1.5", "1e2", "2147483648", "-2147483649", "99999999999999999999", "true",
			"{}", "[0]" })
	void rejectsCodeThatIsNotA32BitInteger(String code) {
		String body = "{\"code\":" + code + ",\"msg\":\"ok\",\"request_id\":\"" + REQUEST_ID + "\"}";
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class).isThrownBy(() -> read(body))
			.withMessageContaining("'code' is not a 32-bit integer")
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID));
	}

	@Test
	void acceptsLargestAndNegativeIntegerCodes() {
		assertThat(read("{\"code\":2147483647}").code()).isEqualTo(Integer.MAX_VALUE);
		assertThat(read("{\"code\":-1}").code()).isEqualTo(-1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "{}", "[]", "true" })
	void rejectsMsgOfWrongTypeAndKeepsRequestId(String msg) {
		String body = "{\"code\":0,\"msg\":" + msg + ",\"request_id\":\"" + REQUEST_ID + "\"}";
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class).isThrownBy(() -> read(body))
			.withMessageContaining("'msg' is not a string")
			.satisfies((ex) -> assertThat(ex.getRequestId()).isEqualTo(REQUEST_ID));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "{}", "[\"r\"]", "false" })
	void rejectsRequestIdOfWrongType(String requestId) {
		String body = "{\"code\":0,\"msg\":\"ok\",\"request_id\":" + requestId + "}";
		assertThatExceptionOfType(TokenPayUnexpectedResponseException.class).isThrownBy(() -> read(body))
			.withMessageContaining("'request_id' is not a string")
			.satisfies((ex) -> assertThat(ex.getRequestId()).isNull());
	}

	@Test
	void everyFailureIsAnInvalidResponseException() {
		assertThatExceptionOfType(TokenPayInvalidResponseException.class).isThrownBy(() -> read("{\"code\":"));
		assertThatExceptionOfType(TokenPayInvalidResponseException.class).isThrownBy(() -> read("[]"));
		assertThatExceptionOfType(TokenPayInvalidResponseException.class).isThrownBy(() -> read(""));
	}

	private ResponseEnvelope read(String body) {
		return this.reader.read(200, MediaType.APPLICATION_JSON, bytes(body));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
