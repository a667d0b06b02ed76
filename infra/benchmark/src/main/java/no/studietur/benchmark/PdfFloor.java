package no.studietur.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import no.studietur.contracts.EventJson;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.documents.PdfDocuments;

/**
 * Renders one invoice's PDF again and again in a JVM of its own, with the services' collector and JIT, and prints
 * how many it rendered in the measured window and the CPU that took: the floor of an invoice PDF, without the
 * HTTP request and password check that fetching one from billing would add. {@code PdfFloor FILE WARM_UP WINDOW}:
 * the invoice as an {@code InvoiceIssued} event's JSON, the seconds to warm up and to measure.
 */
public final class PdfFloor {

    private PdfFloor() {
    }

    /** The last line it prints: renderings, then the window and the CPU they took, in ns. */
    public static void main(String[] args) throws Exception {
        // as the services log (logging.level.com.openhtmltopdf: warn): at INFO it writes five lines per document
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("com.openhtmltopdf")).setLevel(Level.WARN);
        InvoiceIssued invoice = EventJson.read(Files.readAllBytes(Path.of(args[0])), InvoiceIssued.class);
        renderFor(invoice, Duration.ofSeconds(Long.parseLong(args[1])));
        Duration cpuBefore = cpu();
        long started = System.nanoTime();
        long rendered = renderFor(invoice, Duration.ofSeconds(Long.parseLong(args[2])));
        long took = System.nanoTime() - started;
        System.out.println(rendered + " " + took + " " + cpu().minus(cpuBefore).toNanos());
    }

    private static long renderFor(InvoiceIssued invoice, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long rendered = 0;
        while (System.nanoTime() < end) {
            PdfDocuments.invoice(invoice);
            rendered++;
        }
        return rendered;
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }
}
