package org.wellbeing.contract;

/** What a WorkEvent interval was spent on (MODEL.md, "Work events"). */
public enum EventKind {
  WORK,
  MEETING,
  FOCUS,
  LEARNING,
  BREAK,
  ABSENCE;

  /** Kinds whose time is work: the union U is built from them. */
  public boolean countsAsWork() {
    return this == WORK || this == MEETING || this == FOCUS || this == LEARNING;
  }
}
