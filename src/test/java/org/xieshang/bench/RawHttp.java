package org.xieshang.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load driver's client: blocking HTTP/1.1 GETs over one keep-alive connection per thread, as lean as
 * pgbench's own client is. The JDK's HttpClient spent 0.11–0.25 ms of CPU per request in its selector and
 * worker threads on the same two cores the server runs on (a fifth of a list request's whole cost), and
 * pgbench's rows bear no such weight. Reads Content-Length and chunked bodies; reconnects once when the
 * server closed an idle connection.
 */
final class RawHttp {

    /** A status and the body's bytes. */
    record Answer(int status, byte[] body) {
    }

    private static final Set<Connection> OPEN = ConcurrentHashMap.newKeySet();

    private final int port;
    private final byte[] head;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();

    /** @param headers extra request header lines, e.g. {@code "Authorization: Bearer …"} */
    RawHttp(int port, String... headers) {
        this.port = port;
        StringBuilder h = new StringBuilder(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\nAccept-Language: zh-CN\r\n");
        for (String line : headers) {
            h.append(line).append("\r\n");
        }
        this.head = h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    int status(String pathAndQuery) {
        return get(pathAndQuery).status();
    }

    Answer get(String pathAndQuery) {
        Connection c = connection.get();
        try {
            if (c == null) {
                c = open();
            }
            try {
                return c.exchange(pathAndQuery, head);
            } catch (IOException closedMeanwhile) { // keep-alive timed out on the server: once more on a new one
                c.close();
                return open().exchange(pathAndQuery, head);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection open() throws IOException {
        Connection c = new Connection(port);
        connection.set(c);
        OPEN.add(c);
        return c;
    }

    /** Closes every connection opened so far (the driver's threads end with each row). */
    static void closeAll() {
        for (Connection c : OPEN) {
            c.close();
        }
        OPEN.clear();
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean closed;

        Connection(int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("localhost", port), 10_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Answer exchange(String pathAndQuery, byte[] head) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            byte[] line = ("GET " + pathAndQuery).getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[line.length + head.length];
            System.arraycopy(line, 0, request, 0, line.length);
            System.arraycopy(head, 0, request, line.length, head.length);
            out.write(request);
            out.flush();
            String statusLine = readLine();
            if (statusLine == null) {
                throw new IOException("the server closed the connection");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(readLine().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
                    all.write(in.readNBytes(size));
                    readLine();
                }
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // trailers: none expected
                }
                body = all.toByteArray();
            } else {
                body = length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
                close |= length < 0;
            }
            if (close) {
                close();
            }
            return new Answer(status, body);
        }

        private String readLine() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) b);
            }
            return sb.isEmpty() ? null : sb.toString();
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
