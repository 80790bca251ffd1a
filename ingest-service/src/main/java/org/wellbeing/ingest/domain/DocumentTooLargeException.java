package org.wellbeing.ingest.domain;

/** A calendar or timesheet larger than the configured limit: refused before it is read. */
public class DocumentTooLargeException extends RuntimeException {

  public DocumentTooLargeException(long size, long limit) {
    super("a document of %d characters exceeds the limit of %d".formatted(size, limit));
  }

  /** Refuses {@code body} when it is longer than {@code limit}. */
  public static void check(String body, int limit) {
    if (body != null && body.length() > limit) {
      throw new DocumentTooLargeException(body.length(), limit);
    }
  }
}
