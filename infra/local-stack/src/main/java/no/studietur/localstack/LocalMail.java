package no.studietur.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server (GreenMail) that accepts every message, with a small inbox on HTTP so a person can read what
 * the platform sent: {@code /} lists the messages, {@code /messages/N} shows one, {@code /api/messages} gives
 * them as JSON (optionally {@code ?to=address}) and {@code DELETE /api/messages} empties the inbox.
 * {@code POST /api/smtp/stop} and {@code /api/smtp/start} take the SMTP server away and bring it back, as an
 * outage would, while the inbox keeps what arrived before. {@code /api/message-ids} lists the sender's message id
 * of every e-mail received, in order, without reading the bodies (an audit of thousands stays fast).
 */
public final class LocalMail implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerSetup smtpSetup;
    private final HttpServer http;
    /** Messages received before the SMTP server was last stopped (stopping GreenMail empties its mailboxes). */
    private final List<MimeMessage> beforeOutages = new ArrayList<>();
    private GreenMail greenMail;

    private LocalMail(ServerSetup smtpSetup, GreenMail greenMail, HttpServer http) {
        this.smtpSetup = smtpSetup;
        this.greenMail = greenMail;
        this.http = http;
    }

    /** Starts SMTP and the inbox page; a port of 0 picks a free one, an HTTP port below 0 means no inbox page. */
    public static LocalMail start(int smtpPort, int httpPort) {
        ServerSetup smtpSetup = new ServerSetup(FreePorts.orFree(smtpPort), "127.0.0.1", "smtp");
        GreenMail greenMail = smtpServer(smtpSetup);
        HttpServer http = null;
        if (httpPort >= 0) {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.orFree(httpPort)), 0);
            } catch (IOException e) {
                greenMail.stop();
                throw new UncheckedIOException(e);
            }
        }
        LocalMail mail = new LocalMail(smtpSetup, greenMail, http);
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

    private static GreenMail smtpServer(ServerSetup setup) {
        GreenMail greenMail = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return greenMail;
    }

    public int smtpPort() {
        return smtpSetup.getPort();
    }

    /** Closes the SMTP port; senders get "connection refused" until {@link #startSmtp()}. */
    public synchronized void stopSmtp() {
        if (greenMail == null) {
            return;
        }
        // Close the port first so nothing arrives between keeping the messages and stopping.
        greenMail.getSmtp().stopService();
        beforeOutages.addAll(List.of(greenMail.getReceivedMessages()));
        greenMail.stop();
        greenMail = null;
    }

    public synchronized void startSmtp() {
        if (greenMail == null) {
            greenMail = smtpServer(smtpSetup);
        }
    }

    public String inboxUrl() {
        return http == null ? null : "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    public List<ReceivedMail> messages() {
        List<MimeMessage> received = received();
        return IntStream.range(0, received.size())
                .mapToObj(i -> ReceivedMail.of(String.valueOf(i + 1), received.get(i))).toList();
    }

    /** The sender's id of each message received (null where it set none), in the order they arrived. */
    public List<String> messageIds() {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : received()) {
            try {
                String[] id = message.getHeader(ReceivedMail.MESSAGE_ID_HEADER);
                ids.add(id == null ? null : id[0]);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("Unreadable e-mail", e);
            }
        }
        return ids;
    }

    private synchronized List<MimeMessage> received() {
        List<MimeMessage> received = new ArrayList<>(beforeOutages);
        if (greenMail != null) {
            received.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return received;
    }

    public synchronized void clear() {
        beforeOutages.clear();
        if (greenMail == null) {
            return;
        }
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("Could not empty the inbox", e);
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
                ? java.net.URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8) : null;
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
        LocalMail mail = start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "mail-shutdown"));
        System.out.println("READY mail smtp://127.0.0.1:" + mail.smtpPort() + " " + mail.inboxUrl());
        Thread.currentThread().join();
    }
}
