package org.wellbeing.alert.domain;

/** How urgent a finding is, in rising order. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL
}
