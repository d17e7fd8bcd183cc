package me.tokenpay.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import me.tokenpay.spring.client.TokenPayClientSettings;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.HttpMessageParser;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Makes the connections of Apache HttpComponents to TokenPay that no call can read an
 * answer meant for another call on, and that cannot hold a call past its read timeout
 * while the status line and headers arrive.
 * <ul>
 * <li>A connection goes back to the pool only if nothing is left to read when its answer
 * ended where its framing said: no byte buffered by the client beyond the answer and none
 * waiting in the socket. Extra bytes behind a body (a second, smuggled answer) close the
 * connection, so the next call opens a new one. Bytes that arrive later, while the
 * connection idles in the pool, are looked for again before every reuse (without
 * blocking); a connection idle for {@value #IDLE_CHECK_SECONDS} seconds or more is also
 * checked for having been closed by the gateway.</li>
 * <li>The status line and headers must arrive within one socket timeout (the read
 * timeout) of the moment the client starts reading them, however slowly they drip: the
 * connection is shut when it passes. Headers are limited to
 * {@link TokenPayClientSettings#MAX_RESPONSE_HEADER_SIZE} bytes per line and 100 lines;
 * the client checks their total.</li>
 * </ul>
 *
 * @author TokenPay Spring Boot team
 */
final class GuardedConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

	/**
	 * The most header lines accepted in an answer.
	 */
	static final int MAX_HEADER_COUNT = 100;

	/**
	 * How long a connection idles before its reuse also checks, blocking for up to a
	 * millisecond, whether the gateway closed it.
	 */
	static final int IDLE_CHECK_SECONDS = 2;

	private static final Http1Config HTTP1 = Http1Config.custom()
		.setMaxLineLength(TokenPayClientSettings.MAX_RESPONSE_HEADER_SIZE)
		.setMaxHeaderCount(MAX_HEADER_COUNT)
		.build();

	/**
	 * Shuts connections whose headers are late; its one thread ends when idle.
	 */
	private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

	private final LongSupplier ticker;

	/**
	 * Create a factory whose connections tell idle time by {@link System#nanoTime()}.
	 */
	GuardedConnectionFactory() {
		this(System::nanoTime);
	}

	/**
	 * Create a factory whose connections tell idle time by a ticker.
	 * @param ticker the current time in nanoseconds, only compared with itself
	 */
	GuardedConnectionFactory(LongSupplier ticker) {
		this.ticker = ticker;
	}

	@Override
	public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
		BufferWatchingParser parser = new BufferWatchingParser();
		ManagedHttpClientConnection connection = ManagedHttpClientConnectionFactory.builder()
			.http1Config(HTTP1)
			.responseParserFactory((http1Config) -> parser)
			.build()
			.createConnection(socket);
		return new GuardedConnection(connection, parser, this.ticker);
	}

	private static ScheduledThreadPoolExecutor watchdog() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("tokenpay-header-deadline-");
		threads.setDaemon(true);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
		executor.setKeepAliveTime(30, TimeUnit.SECONDS);
		executor.allowCoreThreadTimeOut(true);
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * The default response parser, remembering the connection's input buffer so that the
	 * connection can tell whether bytes are left in it.
	 */
	private static final class BufferWatchingParser implements HttpMessageParser<ClassicHttpResponse> {

		private final DefaultHttpResponseParser parser = new DefaultHttpResponseParser(HTTP1);

		private volatile @Nullable SessionInputBuffer buffer;

		@Override
		public ClassicHttpResponse parse(SessionInputBuffer buffer, InputStream inputStream)
				throws IOException, HttpException {
			this.buffer = buffer;
			return this.parser.parse(buffer, inputStream);
		}

		boolean hasBufferedBytes() {
			SessionInputBuffer buffer = this.buffer;
			return buffer != null && buffer.length() > 0;
		}

	}

	/**
	 * A connection that is consistent, and so reusable, only when nothing is left to
	 * read.
	 */
	private static final class GuardedConnection implements ManagedHttpClientConnection {

		private final ManagedHttpClientConnection connection;

		private final BufferWatchingParser parser;

		private final LongSupplier ticker;

		private volatile long passivatedAt;

		GuardedConnection(ManagedHttpClientConnection connection, BufferWatchingParser parser, LongSupplier ticker) {
			this.connection = connection;
			this.parser = parser;
			this.ticker = ticker;
			this.passivatedAt = ticker.getAsLong();
		}

		@Override
		public boolean isConsistent() {
			return this.connection.isConsistent() && !this.parser.hasBufferedBytes() && !socketHasBytes();
		}

		private boolean socketHasBytes() {
			try {
				Socket socket = this.connection.getSocket();
				return socket == null || socket.getInputStream().available() > 0;
			}
			catch (IOException ex) {
				return true;
			}
		}

		@Override
		public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
			Timeout timeout = this.connection.getSocketTimeout();
			if (timeout == null || timeout.isDisabled() || timeout.toMilliseconds() <= 0) {
				return this.connection.receiveResponseHeader();
			}
			ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> this.connection.close(CloseMode.IMMEDIATE),
					timeout.toMilliseconds(), TimeUnit.MILLISECONDS);
			try {
				return this.connection.receiveResponseHeader();
			}
			finally {
				deadline.cancel(false);
			}
		}

		@Override
		public void receiveResponseEntity(ClassicHttpResponse response) throws HttpException, IOException {
			this.connection.receiveResponseEntity(response);
		}

		@Override
		public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
			this.connection.sendRequestHeader(request);
		}

		@Override
		public void terminateRequest(ClassicHttpRequest request) throws HttpException, IOException {
			this.connection.terminateRequest(request);
		}

		@Override
		public void sendRequestEntity(ClassicHttpRequest request) throws HttpException, IOException {
			this.connection.sendRequestEntity(request);
		}

		@Override
		public boolean isDataAvailable(Timeout timeout) throws IOException {
			return this.connection.isDataAvailable(timeout);
		}

		/**
		 * Whether the connection must not be reused: bytes arrived since its last answer
		 * ended, or, once idle for a while, the gateway closed it. The pool asks before
		 * every reuse.
		 */
		@Override
		public boolean isStale() throws IOException {
			if (this.parser.hasBufferedBytes() || socketHasBytes()) {
				return true;
			}
			boolean idle = this.ticker.getAsLong() - this.passivatedAt >= TimeUnit.SECONDS.toNanos(IDLE_CHECK_SECONDS);
			return idle && this.connection.isStale();
		}

		@Override
		public void flush() throws IOException {
			this.connection.flush();
		}

		@Override
		public void bind(Socket socket) throws IOException {
			this.connection.bind(socket);
		}

		@Override
		public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
			this.connection.bind(sslSocket, socket);
		}

		@Override
		public Socket getSocket() {
			return this.connection.getSocket();
		}

		@Override
		public SSLSession getSSLSession() {
			return this.connection.getSSLSession();
		}

		@Override
		public void passivate() {
			this.passivatedAt = this.ticker.getAsLong();
			this.connection.passivate();
		}

		@Override
		public void activate() {
			this.connection.activate();
		}

		@Override
		public EndpointDetails getEndpointDetails() {
			return this.connection.getEndpointDetails();
		}

		@Override
		public SocketAddress getLocalAddress() {
			return this.connection.getLocalAddress();
		}

		@Override
		public SocketAddress getRemoteAddress() {
			return this.connection.getRemoteAddress();
		}

		@Override
		public ProtocolVersion getProtocolVersion() {
			return this.connection.getProtocolVersion();
		}

		@Override
		public boolean isOpen() {
			return this.connection.isOpen();
		}

		@Override
		public Timeout getSocketTimeout() {
			return this.connection.getSocketTimeout();
		}

		@Override
		public void setSocketTimeout(Timeout timeout) {
			this.connection.setSocketTimeout(timeout);
		}

		@Override
		public void close() throws IOException {
			this.connection.close();
		}

		@Override
		public void close(CloseMode closeMode) {
			this.connection.close(closeMode);
		}

		@Override
		public String toString() {
			return this.connection.toString();
		}

	}

}
