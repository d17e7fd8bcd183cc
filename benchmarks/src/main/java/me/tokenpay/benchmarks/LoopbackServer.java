package me.tokenpay.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP/1.1 server every client of the end-to-end benchmark talks to: a thread per
 * keep-alive connection that reads a request (headers and a fixed or chunked body) and
 * writes the same signed Cancel Payout answer. The answer is re-signed every ten seconds
 * so that its timestamp stays within the verifier's tolerance.
 *
 * @author TokenPay Spring Boot team
 */
final class LoopbackServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final ScheduledExecutorService signer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "loopback-signer");
		thread.setDaemon(true);
		return thread;
	});

	private volatile byte[] response;

	private volatile byte[] lastRequestBody = new byte[0];

	private final long latencyMillis;

	LoopbackServer() throws IOException {
		this(0);
	}

	/**
	 * Start a server that waits before each answer, as a gateway far away would.
	 * @param latencyMillis the wait before each answer, in milliseconds
	 * @throws IOException if no loopback port can be opened
	 */
	LoopbackServer(long latencyMillis) throws IOException {
		this.latencyMillis = latencyMillis;
		this.serverSocket = new ServerSocket();
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		this.response = signedResponse();
		this.signer.scheduleAtFixedRate(() -> this.response = signedResponse(), 10, 10, TimeUnit.SECONDS);
		Thread acceptor = new Thread(this::accept, "loopback-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.serverSocket.getLocalPort());
	}

	byte[] lastRequestBody() {
		return this.lastRequestBody;
	}

	private static byte[] signedResponse() {
		String timestamp = Fixtures.timestamp(Instant.now());
		String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
				+ Fixtures.RESPONSE_BODY.length + "\r\nTTPay-Timestamp: " + timestamp + "\r\nTTPay-Nonce: "
				+ Fixtures.NONCE + "\r\nTTPay-Signature: "
				+ Fixtures.responseSignature(timestamp, Fixtures.NONCE, Fixtures.RESPONSE_BODY) + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = new byte[headBytes.length + Fixtures.RESPONSE_BODY.length];
		System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
		System.arraycopy(Fixtures.RESPONSE_BODY, 0, bytes, headBytes.length, Fixtures.RESPONSE_BODY.length);
		return bytes;
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				socket.setTcpNoDelay(true);
				Thread connection = new Thread(() -> serve(socket), "loopback-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			StringBuilder line = new StringBuilder();
			while (true) {
				long contentLength = 0;
				boolean chunked = false;
				boolean close = false;
				boolean first = true;
				while (readLine(in, line)) {
					if (line.length() == 0) {
						if (!first) {
							break;
						}
						continue;
					}
					first = false;
					String header = line.toString().toLowerCase(Locale.ROOT);
					if (header.startsWith("content-length:")) {
						contentLength = Long.parseLong(header.substring(15).trim());
					}
					else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
						chunked = true;
					}
					else if (header.startsWith("connection:") && header.contains("close")) {
						close = true;
					}
				}
				if (first) {
					return;
				}
				this.lastRequestBody = chunked ? readChunked(in, line) : in.readNBytes((int) contentLength);
				if (this.latencyMillis > 0) {
					Thread.sleep(this.latencyMillis);
				}
				out.write(this.response);
				out.flush();
				if (close) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// client went away
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] readChunked(InputStream in, StringBuilder line) throws IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		while (readLine(in, line)) {
			String size = line.toString();
			int extension = size.indexOf(';');
			int length = Integer.parseInt((extension < 0) ? size.trim() : size.substring(0, extension).trim(), 16);
			if (length == 0) {
				while (readLine(in, line) && line.length() > 0) {
					// trailers
				}
				break;
			}
			body.write(in.readNBytes(length));
			readLine(in, line);
		}
		return body.toByteArray();
	}

	private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
		line.setLength(0);
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				int length = line.length();
				if (length > 0 && line.charAt(length - 1) == '\r') {
					line.setLength(length - 1);
				}
				return true;
			}
			line.append((char) b);
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		this.signer.shutdownNow();
		this.serverSocket.close();
	}

}
