package com.organizationsgateway.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.organizationsgateway.SystemPackages;

/**
 * A real Redis for tests: Debian's {@code redis-server} as a child process on a free
 * loopback port, with persistence off. It can be killed and started again on the same
 * port, to test an outage.
 */
final class RedisServer implements AutoCloseable {

	static final Path BINARY = Path.of(System.getProperty("redis.binary", "/usr/bin/redis-server"));

	private static final Duration STARTUP = Duration.ofSeconds(15);

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
		this.process = launch(port);
	}

	/** Skips the calling tests, or fails them under CI, when redis-server is missing. */
	static void assumeInstalled() {
		if (!Files.isExecutable(BINARY)) {
			SystemPackages.missing("Multi-instance tests need " + BINARY
					+ ": install Debian's redis-server (apt-get install -y redis-server)");
		}
	}

	/** Starts a server on a free loopback port and waits until it answers PING. */
	static RedisServer start() {
		return new RedisServer(freePort());
	}

	int port() {
		return this.port;
	}

	/** Kills the server at once (SIGKILL), as a crash would. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts a fresh, empty server on the same port. */
	void restart() {
		kill();
		this.process = launch(this.port);
	}

	@Override
	public void close() {
		kill();
	}

	private static Process launch(int port) {
		try {
			Path log = Files.createDirectories(Path.of("target", "redis")).resolve("redis-" + port + ".log");
			Process process = new ProcessBuilder(BINARY.toString(), "--port", String.valueOf(port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			long deadline = System.nanoTime() + STARTUP.toNanos();
			while (!answersPing(port)) {
				if (!process.isAlive()) {
					throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; see " + log);
				}
				if (System.nanoTime() > deadline) {
					process.destroyForcibly();
					throw new IllegalStateException("redis-server did not answer PING within " + STARTUP);
				}
				Thread.sleep(20);
			}
			return process;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + BINARY, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, reply.length);
			return new String(reply, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
