package org.wellbeing.alert.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.wellbeing.testing.FreePorts;

/** A real SMTP server (GreenMail) for alert-service's e-mail digests; tests read what it got. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

  private static GreenMail server;

  /** The server of the running test, to read the messages it received. */
  public static GreenMail server() {
    return server;
  }

  @Override
  public Map<String, String> start() {
    int port = FreePorts.next();
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return Map.of(
        "quarkus.mailer.mock", "false",
        "quarkus.mailer.host", "127.0.0.1",
        "quarkus.mailer.port", String.valueOf(port),
        "quarkus.mailer.tls", "false",
        "quarkus.mailer.start-tls", "DISABLED");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
