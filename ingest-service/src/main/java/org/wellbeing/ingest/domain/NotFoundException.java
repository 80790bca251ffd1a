package org.wellbeing.ingest.domain;

/** Something asked for by id that does not exist. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String kind, String id) {
    super("no %s with id %s".formatted(kind, id));
  }
}
