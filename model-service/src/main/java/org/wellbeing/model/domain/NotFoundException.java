package org.wellbeing.model.domain;

/** Something asked for by id that the directory does not know. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String kind, String id) {
    super("no %s with id %s".formatted(kind, id));
  }
}
