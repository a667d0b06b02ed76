package no.studietur.notification.message;

import java.text.NumberFormat;
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
 * Renders a message from its templates ({@code templates/mail/KIND.html} and {@code .txt}, sharing one layout)
 * in the recipient's language. Thymeleaf escapes every value that came from a user.
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

    public Rendered render(String template, String language, Map<String, Object> variables) {
        Locale locale = Locale.forLanguageTag(language);
        Context context = new Context(locale, variables);
        context.setVariable("formats", new Formats(locale));
        String subject = texts.getMessage(template + ".subject", new Object[] {variables.get("tourTitle")}, locale);
        return new Rendered(subject, templates.process("mail/" + template + ".txt", context),
                templates.process("mail/" + template + ".html", context));
    }

    /** Dates and money written as the recipient's language writes them. */
    public record Formats(Locale locale) {

        public String date(java.time.LocalDate date) {
            return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
        }

        public String money(Money money) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(money.amount()) + " " + money.currency();
        }
    }
}
