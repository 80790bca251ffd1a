package org.wellbeing.contract;

/** A team of the org tree, published on {@link Topics#ORG_DIRECTORY} under {@code team:<id>}. */
public record Team(String teamId, String name, String managerId, String parentTeamId) {}
