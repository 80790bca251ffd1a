package org.wellbeing.common.persistence;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database that is down or unreachable (an infrastructure fault: wait and retry) from a
 * statement the database refused (a fault of the data or the code: retrying changes nothing).
 */
public final class DatabaseFaults {

  /** SQLSTATEs of a server that is away: shutting down, starting, out of connections, read-only. */
  private static final Set<String> OUTAGE_STATES =
      Set.of("57P01", "57P02", "57P03", "53300", "25006");

  private DatabaseFaults() {}

  /** Whether {@code failure} is a deadlock or serialization failure: worth another try. */
  public static boolean isConflict(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code failure}, or anything it was caused by, says the database is unreachable. */
  public static boolean isOutage(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    return isOutage(failure, seen);
  }

  private static boolean isOutage(Throwable t, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return false;
    }
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || t instanceof ConnectException
        || t instanceof SocketException
        || t instanceof EOFException
        || "org.hibernate.exception.JDBCConnectionException".equals(t.getClass().getName())) {
      return true;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      // 08P01 is a protocol violation: the statement's fault, not the connection's
      if (state != null
          && ((state.startsWith("08") && !"08P01".equals(state))
              || OUTAGE_STATES.contains(state))) {
        return true;
      }
      // Agroal's pool gives up waiting for a connection with a plain SQLException
      String message = sql.getMessage();
      if (message != null && message.contains("Acquisition timeout")) {
        return true;
      }
      if (isOutage(sql.getNextException(), seen)) {
        return true;
      }
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (isOutage(suppressed, seen)) {
        return true;
      }
    }
    return isOutage(t.getCause(), seen);
  }
}
