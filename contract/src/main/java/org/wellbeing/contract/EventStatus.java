package org.wellbeing.contract;

/** A WorkEvent either stands or retracts the event with the same id. */
public enum EventStatus {
  CONFIRMED,
  CANCELLED
}
