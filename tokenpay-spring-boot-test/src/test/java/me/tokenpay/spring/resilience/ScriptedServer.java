package me.tokenpay.spring.resilience;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server made of a raw {@link ServerSocket} that answers each connection
 * with the next queued {@link Script}, byte for byte, and with a plain success envelope
 * once the queue is empty. Every answer closes the connection, so every call opens a new
 * one.
 *
 * @author TokenPay Spring Boot team
 */
final class ScriptedServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Queue<Script> scripts = new ConcurrentLinkedQueue<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final Thread acceptor;

	ScriptedServer() {
		try {
			this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.acceptor = new Thread(this::accept, "scripted-server-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	ScriptedServer enqueue(Script script) {
		this.scripts.add(script);
		return this;
	}

	ScriptedServer enqueue(String status, String headers, byte[] body) {
		return enqueue((socket) -> {
			readRequest(socket.getInputStream());
			OutputStream output = socket.getOutputStream();
			output.write(head(status, headers + "Content-Length: " + body.length + "\r\n"));
			output.write(body);
			output.flush();
		});
	}

	ScriptedServer enqueueJson(String status, String json) {
		return enqueue(status, "Content-Type: application/json\r\n", json.getBytes(StandardCharsets.UTF_8));
	}

	int connections() {
		return this.connections.get();
	}

	static byte[] head(String status, String headers) {
		return ("HTTP/1.1 " + status + "\r\n" + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static String success() {
		return "{\"code\":0,\"msg\":\"success\",\"request_id\":\"" + UUID.randomUUID() + "\"}";
	}

	/**
	 * Read a request's head and its body (by {@code Content-Length}).
	 * @param input the connection's input
	 * @return the request head and body
	 * @throws IOException on I/O failure
	 */
	static String readRequest(InputStream input) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = input.read();
			if (b < 0) {
				break;
			}
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		int length = 0;
		for (String line : text.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
		}
		return text + new String(input.readNBytes(length), StandardCharsets.UTF_8);
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			Socket socket;
			try {
				socket = this.serverSocket.accept();
			}
			catch (IOException ex) {
				return;
			}
			this.connections.incrementAndGet();
			Script script = this.scripts.poll();
			Script chosen = (script != null) ? script : (s) -> {
				readRequest(s.getInputStream());
				byte[] body = success().getBytes(StandardCharsets.UTF_8);
				s.getOutputStream()
					.write(head("200 OK", "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"));
				s.getOutputStream().write(body);
				s.getOutputStream().flush();
			};
			Thread handler = new Thread(() -> {
				try (socket) {
					chosen.answer(socket);
				}
				catch (IOException ex) {
					// the client gave up on this connection
				}
			}, "scripted-server-handler");
			handler.setDaemon(true);
			handler.start();
		}
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
			this.acceptor.join(5000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * How to answer one connection.
	 */
	@FunctionalInterface
	interface Script {

		void answer(Socket socket) throws IOException;

	}

}
