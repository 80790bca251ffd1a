package org.wellbeing.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local run's mail catcher: a GreenMail SMTP and IMAP server that keeps every mail it receives,
 * also as an {@code .eml} file in a directory. Apart from {@link LocalInfra} so that the classes
 * which only log through it (the demo loader, used by the e2e tests) need no mail library.
 */
final class LocalMail implements AutoCloseable {

  private final GreenMail server;
  private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();

  private LocalMail(GreenMail server) {
    this.server = server;
  }

  /** Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort}, saving mail into {@code dir}. */
  static LocalMail start(Path dir, int smtpPort, int imapPort) throws IOException {
    GreenMail server =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
            // any user name and password read any mailbox: this is a demo's mail catcher
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    server.start();
    Files.createDirectories(dir);
    LocalMail mail = new LocalMail(server);
    mail.saver.scheduleWithFixedDelay(() -> mail.save(dir), 2, 2, TimeUnit.SECONDS);
    return mail;
  }

  /** Writes each message not yet saved to {@code dir} as {@code <n>-<first recipient>.eml}. */
  private void save(Path dir) {
    MimeMessage[] messages = server.getReceivedMessages();
    for (int i = 0; i < messages.length; i++) {
      try {
        String to =
            messages[i].getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
        Path file = dir.resolve("%04d-%s.eml".formatted(i + 1, to));
        if (!Files.exists(file)) {
          try (var out = Files.newOutputStream(file)) {
            messages[i].writeTo(out);
          }
          LocalInfra.log("mail %d to %s: %s", i + 1, to, messages[i].getSubject());
        }
      } catch (IOException | MessagingException | RuntimeException e) {
        LocalInfra.log("could not save mail %d: %s", i + 1, e);
      }
    }
  }

  @Override
  public void close() {
    saver.shutdownNow();
    server.stop();
  }
}
