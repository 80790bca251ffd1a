package org.wellbeing.ingest.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Windows time zone names (Outlook, Exchange) mapped to IANA zones. */
public final class WindowsZones {

  private static final Properties ZONES = load();

  private WindowsZones() {}

  /** The IANA zone of a Windows zone name, or null when {@code name} is not one. */
  public static String toIana(String name) {
    return ZONES.getProperty(name.trim());
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in =
        WindowsZones.class.getResourceAsStream("/org/wellbeing/ingest/windows-zones.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
