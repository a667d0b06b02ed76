package no.studietur.notification.message;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a message to the SMTP server: text and HTML alternatives plus attachments. The message id travels in a
 * header, so a receiving system can recognise the one duplicate a crash right after sending may cause.
 */
@Component
class MailDelivery {

    static final String MESSAGE_ID_HEADER = "X-Studietur-Message-Id";

    private final JavaMailSender mail;
    private final String from;

    MailDelivery(JavaMailSender mail, @Value("${studietur.notification.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    void send(Message message, MessageContent content) {
        // A message that cannot be composed (an unparseable address) fails as MailParseException, an SMTP server
        // that cannot be reached as MailSendException: the sender tells the two apart.
        mail.send(mime -> {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(content.text(), content.html());
            for (MessageContent.Attachment attachment : content.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            mime.setHeader(MESSAGE_ID_HEADER, message.id());
        });
    }
}
