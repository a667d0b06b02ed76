package no.studietur.notification.message;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;

/** Hands a message to the SMTP server as a text + HTML alternative. */
@Component
class MailDelivery {

    private final JavaMailSender mail;
    private final String from;

    MailDelivery(JavaMailSender mail, @Value("${studietur.notification.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    void send(Message message) {
        mail.send(mime -> {
            try {
                MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
                helper.setFrom(from);
                helper.setTo(message.recipient());
                helper.setSubject(message.subject());
                helper.setText(message.text(), message.html());
                mime.setHeader("X-Studietur-Message-Id", message.id());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
