package org.wellbeing.model.domain;

/** Team figures asked for where the team is too small to keep its members anonymous. */
public class GroupTooSmallException extends RuntimeException {

  private final int members;
  private final int minimum;

  public GroupTooSmallException(String teamId, String week, int members, int minimum) {
    super(
        "team %s has %d members in %s; figures are served for teams of at least %d"
            .formatted(teamId, members, week, minimum));
    this.members = members;
    this.minimum = minimum;
  }

  public int members() {
    return members;
  }

  public int minimum() {
    return minimum;
  }
}
