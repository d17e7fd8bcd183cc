package me.tokenpay.spring.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

import org.jspecify.annotations.Nullable;

/**
 * The socket that clients of {@link MockTokenPayServer} connect to: it relays each
 * connection to the mock's HTTP server and back, byte for byte, so that a {@link Fault}
 * can misbehave below HTTP: write bytes behind an answer's body on a connection kept
 * alive ({@link Fault.Kind#BYTES_BEHIND_BODY}) or drip the status line and headers one
 * byte at a time ({@link Fault.Kind#DRIPPING_HEADERS}). The HTTP server asks for such a
 * fault with a private header that the front removes.
 *
 * @author TokenPay Spring Boot team
 */
final class WireFront implements AutoCloseable {

	/**
	 * The private header by which the mock asks the front to misbehave.
	 */
	static final String FAULT_HEADER = "X-Mock-Wire-Fault";

	private static final String BEHIND_BODY = "behind-body ";

	private static final String DRIP = "drip ";

	private final ServerSocket serverSocket;

	private final InetSocketAddress backend;

	private final ExecutorService executor;

	WireFront(int port, InetSocketAddress backend, ExecutorService executor) {
		try {
			this.serverSocket = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open a loopback port for the mock TokenPay server", ex);
		}
		this.backend = backend;
		this.executor = executor;
		executor.execute(this::accept);
	}

	/**
	 * Return the header value that asks for bytes behind the body of an answer.
	 * @param bytes the bytes to write behind the body
	 * @return the header value
	 */
	static String behindBody(byte[] bytes) {
		return BEHIND_BODY + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * Return the header value that asks for the head of an answer to drip.
	 * @param pause the pause before each byte
	 * @return the header value
	 */
	static String drip(Duration pause) {
		return DRIP + pause.toMillis();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	boolean isOpen() {
		return !this.serverSocket.isClosed();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket client = this.serverSocket.accept();
				Socket server = new Socket(this.backend.getAddress(), this.backend.getPort());
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				this.executor.execute(() -> requests(client, server));
				this.executor.execute(() -> answers(server, client));
			}
			catch (IOException ex) {
				// closed, or the HTTP server is gone: nothing left to relay
			}
		}
	}

	private static void requests(Socket client, Socket server) {
		try (client; server) {
			client.getInputStream().transferTo(server.getOutputStream());
		}
		catch (IOException ex) {
			// either side closed
		}
	}

	private static void answers(Socket server, Socket client) {
		try (client; server) {
			InputStream input = new BufferedInputStream(server.getInputStream());
			OutputStream output = client.getOutputStream();
			List<String> head;
			while ((head = readHead(input)) != null) {
				relay(head, input, output);
			}
		}
		catch (IOException ex) {
			// either side closed
		}
	}

	private static void relay(List<String> head, InputStream input, OutputStream output) throws IOException {
		String fault = null;
		long length = -1;
		boolean chunked = false;
		StringBuilder text = new StringBuilder();
		for (String line : head) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith(FAULT_HEADER.toLowerCase(Locale.ROOT) + ":")) {
				fault = line.substring(FAULT_HEADER.length() + 1).trim();
				continue;
			}
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(line.substring(15).trim());
			}
			if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			text.append(line).append("\r\n");
		}
		byte[] headBytes = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
		if (fault != null && fault.startsWith(DRIP)) {
			long pause = Long.parseLong(fault.substring(DRIP.length()));
			for (byte b : headBytes) {
				output.write(b);
				output.flush();
				sleep(pause);
			}
		}
		else if (chunked || length < 0) {
			output.write(headBytes);
		}
		if (chunked) {
			relayChunks(input, output);
		}
		else if (length < 0) {
			input.transferTo(output);
		}
		else {
			// one write: bytes behind the body arrive with it, as a server writing them
			// at
			// once would send them
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			if (fault == null || !fault.startsWith(DRIP)) {
				answer.write(headBytes);
			}
			answer.write(input.readNBytes((int) length));
			if (fault != null && fault.startsWith(BEHIND_BODY)) {
				answer.write(Base64.getDecoder().decode(fault.substring(BEHIND_BODY.length())));
			}
			answer.writeTo(output);
		}
		output.flush();
	}

	private static void relayChunks(InputStream input, OutputStream output) throws IOException {
		while (true) {
			String sizeLine = readLine(input);
			if (sizeLine == null) {
				return;
			}
			output.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				String trailer;
				while ((trailer = readLine(input)) != null && !trailer.isEmpty()) {
					output.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
				output.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
				return;
			}
			output.write(input.readNBytes(size + 2));
		}
	}

	private static @Nullable List<String> readHead(InputStream input) throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = readLine(input)) != null) {
			if (line.isEmpty()) {
				return lines;
			}
			lines.add(line);
		}
		return null;
	}

	private static @Nullable String readLine(InputStream input) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = input.read()) >= 0) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int end = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return null;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
