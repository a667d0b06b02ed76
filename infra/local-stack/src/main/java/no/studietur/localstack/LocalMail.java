package no.studietur.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * An SMTP server (GreenMail) that accepts every message, with a small inbox on HTTP so a person can read what
 * the platform sent: {@code /} lists the messages, {@code /messages/N} shows one, {@code /api/messages} gives
 * them as JSON (optionally {@code ?to=address}) and {@code DELETE /api/messages} empties the inbox.
 */
public final class LocalMail implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GreenMail greenMail;
    private final HttpServer http;

    private LocalMail(GreenMail greenMail, HttpServer http) {
        this.greenMail = greenMail;
        this.http = http;
    }

    /** Starts SMTP and the inbox page; a port of 0 picks a free one, an HTTP port below 0 means no inbox page. */
    public static LocalMail start(int smtpPort, int httpPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup(FreePorts.orFree(smtpPort), "127.0.0.1", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        HttpServer http = null;
        if (httpPort >= 0) {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.orFree(httpPort)), 0);
            } catch (IOException e) {
                greenMail.stop();
                throw new UncheckedIOException(e);
            }
        }
        LocalMail mail = new LocalMail(greenMail, http);
        if (http != null) {
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

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public String inboxUrl() {
        return http == null ? null : "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    public List<ReceivedMail> messages() {
        var received = greenMail.getReceivedMessages();
        return IntStream.range(0, received.length)
                .mapToObj(i -> ReceivedMail.of(String.valueOf(i + 1), received[i])).toList();
    }

    public void clear() {
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
        greenMail.stop();
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
