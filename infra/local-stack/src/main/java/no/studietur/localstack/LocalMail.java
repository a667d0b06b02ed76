package no.studietur.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.eclipse.angus.mail.util.MailStreamProvider;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server (GreenMail) that accepts every message, with a small inbox on HTTP so a person can read what
 * the platform sent: {@code /} lists the messages, {@code /messages/N} shows one, {@code /api/messages} gives
 * them as JSON (optionally {@code ?to=address}) and {@code DELETE /api/messages} empties the inbox.
 * {@code POST /api/smtp/stop} and {@code /api/smtp/start} take the SMTP server away and bring it back, as an
 * outage would, while the inbox keeps what arrived before. {@code /api/message-ids} lists the sender's message id
 * of every e-mail received, in order, without reading the bodies (an audit of thousands stays fast).
 *
 * <p>GreenMail's mailboxes keep every message whole, attachments included, so a 10-minute benchmark (tens of
 * thousands of e-mails, many with an invoice PDF) ran it out of memory and senders got errors. GreenMail's
 * delivery therefore hands every message to the inbox instead of a mailbox; the inbox keeps its id for good and a
 * summary without attachment content for the newest {@value #RETAINED} messages.
 */
public final class LocalMail implements AutoCloseable {

    private static final int RETAINED = 2_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerSetup smtpSetup;
    private final HttpServer http;
    private final int retained;
    /**
     * Guards the two lists; not {@code this}, which guards starting and stopping GreenMail: stopping waits for
     * deliveries in progress, and they take this lock.
     */
    private final Object received = new Object();
    /** The sender's id of every message received, in order; null where it set none. */
    private final List<String> messageIds = new ArrayList<>();
    /** The newest messages, summarised; numbered from 1 in order of arrival. */
    private final Deque<ReceivedMail> newest = new ArrayDeque<>();
    private GreenMail greenMail;

    private LocalMail(ServerSetup smtpSetup, HttpServer http, int retained) {
        this.smtpSetup = smtpSetup;
        this.http = http;
        this.retained = retained;
    }

    /** Starts SMTP and the inbox page; a port of 0 picks a free one, an HTTP port below 0 means no inbox page. */
    public static LocalMail start(int smtpPort, int httpPort) {
        return start(smtpPort, httpPort, RETAINED);
    }

    static LocalMail start(int smtpPort, int httpPort, int retained) {
        ServerSetup smtpSetup = new ServerSetup(FreePorts.orFree(smtpPort), "127.0.0.1", "smtp");
        HttpServer http = null;
        if (httpPort >= 0) {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.orFree(httpPort)), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LocalMail mail = new LocalMail(smtpSetup, http, retained);
        mail.startSmtp();
        if (http != null) {
            http.createContext("/api/smtp/", mail::smtp);
            http.createContext("/api/message-ids", mail::messageIds);
            http.createContext("/api/messages", mail::api);
            http.createContext("/messages/", mail::message);
            http.createContext("/", mail::index);
            http.start();
        }
        return mail;
    }

    public String smtpHost() {
        return "127.0.0.1";
    }

    private GreenMail smtpServer() {
        GreenMail server = new GreenMail(smtpSetup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        GreenMailUser inbox = new Recipient();
        server.getUserManager().setMessageDeliveryHandler((message, address) -> inbox);
        return server;
    }

    private void receive(MimeMessage message) {
        synchronized (received) {
            ReceivedMail mail = ReceivedMail.of(String.valueOf(messageIds.size() + 1), message);
            messageIds.add(mail.messageId());
            newest.addLast(mail);
            if (newest.size() > retained) {
                newest.removeFirst();
            }
        }
    }

    /**
     * Where GreenMail delivers every message, whoever it is addressed to. Only delivery is ever asked of it:
     * authentication is off and nobody reads mail from GreenMail over IMAP or POP3.
     */
    private final class Recipient implements GreenMailUser {

        @Override
        public void deliver(MovingMessage message) {
            receive(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            receive(message);
        }

        @Override
        public String getEmail() {
            return "inbox@localhost";
        }

        @Override
        public String getLogin() {
            return getEmail();
        }

        @Override
        public String getQualifiedMailboxName() {
            return getEmail();
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
            throw new UnsupportedOperationException("The local inbox has no login");
        }

        @Override
        public void authenticate(String password) {
            throw new UnsupportedOperationException("The local inbox has no login");
        }

        @Override
        public void create() {
            // nothing to create: received mail is kept by LocalMail
        }

        @Override
        public void delete() {
            throw new UnsupportedOperationException("The local inbox cannot be deleted");
        }
    }

    public int smtpPort() {
        return smtpSetup.getPort();
    }

    /** Closes the SMTP port; senders get "connection refused" until {@link #startSmtp()}. */
    public synchronized void stopSmtp() {
        if (greenMail == null) {
            return;
        }
        greenMail.stop();
        greenMail = null;
    }

    public synchronized void startSmtp() {
        if (greenMail == null) {
            greenMail = smtpServer();
        }
    }

    public String inboxUrl() {
        return http == null ? null : "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** The newest messages received ({@value #RETAINED} unless told otherwise), in the order they arrived. */
    public List<ReceivedMail> messages() {
        synchronized (received) {
            return List.copyOf(newest);
        }
    }

    /** The sender's id of each message received (null where it set none), in the order they arrived. */
    public List<String> messageIds() {
        synchronized (received) {
            return List.copyOf(messageIds);
        }
    }

    public void clear() {
        synchronized (received) {
            messageIds.clear();
            newest.clear();
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        stopSmtp();
    }

    private void smtp(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().substring("/api/smtp/".length());
        if (!"POST".equals(exchange.getRequestMethod()) || !List.of("stop", "start").contains(action)) {
            respond(exchange, 404, "text/plain", "POST /api/smtp/stop or /api/smtp/start".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("stop".equals(action)) {
            stopSmtp();
        } else {
            startSmtp();
        }
        respond(exchange, 204, null, new byte[0]);
    }

    private void api(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            clear();
            respond(exchange, 204, null, new byte[0]);
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        String to = query != null && query.startsWith("to=")
                ? URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8) : null;
        List<ReceivedMail> messages = messages().stream()
                .filter(mail -> to == null || mail.to().stream().anyMatch(address -> address.contains(to))).toList();
        respond(exchange, 200, "application/json", JSON.writeValueAsBytes(messages));
    }

    private void messageIds(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", JSON.writeValueAsBytes(messageIds()));
    }

    private void index(HttpExchange exchange) throws IOException {
        StringBuilder page = new StringBuilder(Html.HEAD).append("<h1>Local inbox</h1><table><tr><th>#</th>"
                + "<th>Received</th><th>To</th><th>Subject</th></tr>");
        for (ReceivedMail mail : messages().reversed()) {
            page.append("<tr><td>").append(mail.id()).append("</td><td>").append(mail.receivedAt())
                    .append("</td><td>").append(Html.escape(String.join(", ", mail.to())))
                    .append("</td><td><a href=\"/messages/").append(mail.id()).append("\">")
                    .append(Html.escape(mail.subject())).append("</a></td></tr>");
        }
        page.append("</table></body></html>");
        respond(exchange, 200, "text/html; charset=utf-8", page.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void message(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/messages/".length());
        var mail = messages().stream().filter(candidate -> candidate.id().equals(id)).findFirst();
        if (mail.isEmpty()) {
            respond(exchange, 404, "text/plain", "No such message".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(exchange, 200, "text/html; charset=utf-8", Html.message(mail.get()).getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Runs SMTP and the inbox page as their own process: {@code LocalMail SMTP_PORT HTTP_PORT}. */
    public static void main(String[] args) throws InterruptedException {
        // Jakarta Mail looks its stream provider up anew for every header block and body part it parses; without
        // this name, through a ServiceLoader scan of every jar on the class path: a fifth of this process's CPU.
        System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        LocalMail mail = start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "mail-shutdown"));
        System.out.println("READY mail smtp://127.0.0.1:" + mail.smtpPort() + " " + mail.inboxUrl());
        Thread.currentThread().join();
    }
}
