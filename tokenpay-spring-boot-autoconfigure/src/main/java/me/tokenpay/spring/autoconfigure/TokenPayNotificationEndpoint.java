package me.tokenpay.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;

import me.tokenpay.spring.client.notification.NotificationReply;
import me.tokenpay.spring.client.notification.TokenPayNotificationDispatcher;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The notification endpoint: reads the body as bytes, never more than the maximum size
 * plus one, hands it with the headers to the {@link TokenPayNotificationDispatcher} and
 * writes its reply as {@code text/plain}.
 *
 * @author TokenPay Spring Boot team
 */
final class TokenPayNotificationEndpoint implements HandlerFunction<ServerResponse> {

	private final TokenPayNotificationDispatcher dispatcher;

	private final int maxBodySize;

	TokenPayNotificationEndpoint(TokenPayNotificationDispatcher dispatcher, long maxBodySize) {
		this.dispatcher = dispatcher;
		this.maxBodySize = (int) Math.min(maxBodySize, Integer.MAX_VALUE - 1);
	}

	@Override
	public ServerResponse handle(ServerRequest request) {
		byte[] body;
		try (InputStream input = request.servletRequest().getInputStream()) {
			body = input.readNBytes(this.maxBodySize + 1);
		}
		catch (IOException ex) {
			return reply(400, NotificationReply.FAIL);
		}
		NotificationReply reply = this.dispatcher.receive((name) -> request.headers().firstHeader(name), body);
		return reply(reply.status(), reply.body());
	}

	private static ServerResponse reply(int status, String body) {
		return ServerResponse.status(status).header("Content-Type", "text/plain;charset=UTF-8").body(body);
	}

}
