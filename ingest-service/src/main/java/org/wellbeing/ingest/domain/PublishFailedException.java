package org.wellbeing.ingest.domain;

/**
 * Kafka did not acknowledge every record of a request. Some records may have been written; the
 * client should retry the request, which downstream treats idempotently.
 */
public class PublishFailedException extends RuntimeException {

  public PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
