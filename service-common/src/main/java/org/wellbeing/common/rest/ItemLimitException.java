package org.wellbeing.common.rest;

/** A request body holding more items than one request may carry; answered 413. */
public class ItemLimitException extends RuntimeException {

  private final int count;

  public ItemLimitException(int count, int max) {
    super("the request holds %d items; at most %d are accepted at once".formatted(count, max));
    this.count = count;
  }

  /** How many items the request held. */
  public int count() {
    return count;
  }
}
