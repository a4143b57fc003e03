package org.fangpin.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy between clients and a server (PostgreSQL, a Kafka broker) that a test can cut: every open connection
 * is dropped and new ones are refused until it is restored — what clients see when the server or the network between
 * them fails. Bytes pass unchanged.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;

    private TcpProxy(int listenPort, int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress("127.0.0.1", listenPort));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listenPort, e);
        }
        threads.execute(this::accept);
    }

    /** A proxy on a free port to the server on {@code 127.0.0.1:targetPort}. */
    public static TcpProxy to(int targetPort) {
        return new TcpProxy(0, targetPort);
    }

    /** A proxy on the given port (e.g. one a broker advertises) to the server on {@code 127.0.0.1:targetPort}. */
    public static TcpProxy on(int listenPort, int targetPort) {
        return new TcpProxy(listenPort, targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket("127.0.0.1", targetPort);
                open.add(client);
                open.add(server);
                threads.execute(() -> pipe(client, server));
                threads.execute(() -> pipe(server, client));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was cut: close the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
