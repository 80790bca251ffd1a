package org.wellbeing.ingest.domain;

/** A request holding more items than one request may carry. */
public class TooManyItemsException extends RuntimeException {

  private final int count;
  private final int limit;

  public TooManyItemsException(int count, int limit) {
    super("%d items exceed the limit of %d per request".formatted(count, limit));
    this.count = count;
    this.limit = limit;
  }

  public int count() {
    return count;
  }

  public int limit() {
    return limit;
  }
}
