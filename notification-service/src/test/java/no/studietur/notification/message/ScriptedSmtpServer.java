package no.studietur.notification.message;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP server that accepts every message and counts what the client did: connections opened, messages,
 * goodbyes. A test can also drop every open connection, as a server restart or an idle timeout would.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final AtomicInteger quits = new AtomicInteger();

    ScriptedSmtpServer() {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Mail settings that name this server. */
    JavaMailSenderImpl mailSettings() {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setProtocol("smtp");
        mail.setHost("127.0.0.1");
        mail.setPort(port());
        mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return mail;
    }

    /** The notification service's delivery, sending to this server. */
    MailDelivery delivery() {
        return deliveryBy(mailSettings());
    }

    /** The notification service's delivery, sending wherever these settings name at the time. */
    static MailDelivery deliveryBy(JavaMailSenderImpl settings) {
        return new MailDelivery(settings, "post@studietur.example");
    }

    int connections() {
        return connections.get();
    }

    int messages() {
        return messages.get();
    }

    int quits() {
        return quits.get();
    }

    void dropConnections() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().start(() -> converse(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)); var out = new PrintWriter(socket.getOutputStream(), true,
                StandardCharsets.US_ASCII)) {
            reply(out, "220 scripted");
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while (!".".equals(in.readLine())) {
                            // the message itself is not kept
                        }
                        messages.incrementAndGet();
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> {
                        quits.incrementAndGet();
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException dropped) {
            // the test dropped the connection, or the client went away
        } finally {
            open.remove(socket);
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropConnections();
    }
}
