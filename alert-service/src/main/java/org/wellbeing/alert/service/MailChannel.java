package org.wellbeing.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.wellbeing.alert.config.AlertConfig;
import org.wellbeing.alert.domain.DigestMail;
import org.wellbeing.alert.persistence.DeliveryEntity;
import org.wellbeing.alert.persistence.DirectoryPersonEntity;

/**
 * Sends a digest of an e-mail channel (webhook format {@code email}) through SMTP to the
 * recipient's addresses in the directory, written out in their time zone.
 */
@ApplicationScoped
public class MailChannel {

  private static final TypeReference<List<String>> ADDRESSES = new TypeReference<>() {};

  private final Mailer mailer;
  private final ObjectMapper json;
  private final AlertConfig config;

  public MailChannel(Mailer mailer, ObjectMapper json, AlertConfig config) {
    this.mailer = mailer;
    this.json = json;
    this.config = config;
  }

  /** Sends {@code delivery}; null once the SMTP server took it, else what failed. */
  public String send(DeliveryEntity delivery) {
    DirectoryPersonEntity person =
        delivery.recipient == null
            ? null
            : QuarkusTransaction.requiringNew()
                .call(() -> DirectoryPersonEntity.findById(delivery.recipient));
    List<String> to;
    try {
      to =
          person == null || person.emails == null
              ? List.of()
              : json.readValue(person.emails, ADDRESSES);
    } catch (JsonProcessingException e) {
      to = List.of();
    }
    if (to.isEmpty()) {
      return "no e-mail address for the recipient in the directory";
    }
    DigestMail mail;
    try {
      mail = DigestMail.of(json.readTree(delivery.payload), zone(person));
    } catch (JsonProcessingException e) {
      return "unreadable digest";
    }
    try {
      mailer.send(
          Mail.withHtml(to.get(0), mail.subject(), mail.html())
              .setTo(to)
              .setText(mail.text())
              .setFrom(config.notifications().emailFrom())
              // one Message-ID a digest, so a mail resent after a failure is known for the same
              .addHeader("Message-ID", "<" + delivery.idempotencyKey + "@wellbeing>"));
      return null;
    } catch (RuntimeException e) {
      // the SMTP server's own words stay in the log, not in what the API shows
      return "SMTP delivery failed (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static ZoneId zone(DirectoryPersonEntity person) {
    try {
      return person.timeZone == null ? ZoneOffset.UTC : ZoneId.of(person.timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
