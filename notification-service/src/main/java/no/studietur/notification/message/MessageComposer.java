package no.studietur.notification.message;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import no.studietur.contracts.common.Money;

/**
 * Renders a message from its templates ({@code templates/mail/TEMPLATE.html} on the shared {@code layout.html},
 * and {@code TEMPLATE.txt} between the shared text header and footer) in the recipient's language; the subject
 * is {@code KIND.subject} from {@code mail/messages_LANG.properties}. Thymeleaf escapes every value in the
 * HTML part.
 */
@Component
public class MessageComposer {

    private final TemplateEngine templates;
    private final MessageSource texts;

    MessageComposer(TemplateEngine templates, MessageSource texts) {
        this.templates = templates;
        this.texts = texts;
    }

    public record Rendered(String subject, String text, String html) {
    }

    public Rendered render(String kind, String template, String language, Map<String, Object> variables) {
        Locale locale = Locale.forLanguageTag(language);
        String subject = texts.getMessage(kind + ".subject", new Object[] {variables.get("tourTitle")}, locale);
        Context context = new Context(locale, variables);
        context.setVariable("formats", new Formats(locale));
        context.setVariable("kind", kind);
        context.setVariable("subject", subject);
        return new Rendered(subject, templates.process("mail/" + template + ".txt", context),
                templates.process("mail/" + template + ".html", context));
    }

    /** Dates, times and money written as the recipient's language writes them; times are the tour's local time. */
    public record Formats(Locale locale) {

        public String date(LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
        }

        public String time(LocalTime time) {
            return time == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(time);
        }

        public String dateTime(LocalDateTime dateTime) {
            return dateTime == null ? "" : date(dateTime.toLocalDate()) + " " + time(dateTime.toLocalTime());
        }

        public String money(Money money) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(money.amount()) + " " + money.currency();
        }

        public String percent(int percent) {
            return NumberFormat.getIntegerInstance(locale).format(percent) + " %";
        }
    }
}
