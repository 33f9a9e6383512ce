package com.organizationsgateway.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a loopback port in front of Redis that can turn into a black hole: it
 * then forwards nothing in either direction but closes nothing either, as a network path
 * that silently stops delivering would. Bytes held meanwhile are delivered in order once
 * it forwards again, so every connection's protocol stream stays intact. It can also cut
 * every connection at once.
 */
final class BlackHoleProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final Object gate = new Object();

	private boolean forwarding = true;

	private volatile boolean refusing;

	private BlackHoleProxy(int targetPort) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetPort = targetPort;
		daemon("black-hole-proxy-accept", this::accept).start();
	}

	static BlackHoleProxy start(int targetPort) {
		try {
			return new BlackHoleProxy(targetPort);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Stops forwarding; every connection stays open and new ones are still accepted. */
	void blackHole() {
		synchronized (this.gate) {
			this.forwarding = false;
		}
	}

	/** Closes every connection and refuses new ones, as a restarting Redis would. */
	void cut() throws IOException {
		this.refusing = true;
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	/** Forwards again, first what was held, and accepts connections again. */
	void forward() {
		this.refusing = false;
		synchronized (this.gate) {
			this.forwarding = true;
			this.gate.notifyAll();
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		forward();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.refusing) {
					client.close();
					continue;
				}
				Socket upstream;
				try {
					upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				}
				catch (IOException ex) {
					// Redis is down: refused, as a direct connection would be.
					client.close();
					continue;
				}
				this.sockets.add(client);
				this.sockets.add(upstream);
				daemon("black-hole-proxy-up", () -> pump(client, upstream)).start();
				daemon("black-hole-proxy-down", () -> pump(upstream, client)).start();
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			int read;
			while (awaitForwarding() && (read = in.read(buffer)) >= 0) {
				// Checked again: a read that was waiting when the hole opened is held.
				if (awaitForwarding()) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// One side closed or reset: close the other, as the network would.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private boolean awaitForwarding() {
		synchronized (this.gate) {
			while (!this.forwarding) {
				try {
					this.gate.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private void closeQuietly(Socket socket) {
		this.sockets.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
