package org.wellbeing.people.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** What every page needs: chart options as JSON for the page's script to draw. */
@ApplicationScoped
public class Pages {

  private final ObjectMapper json;

  public Pages(ObjectMapper json) {
    this.json = json;
  }

  /** {@code option} as JSON, or null for none; Qute escapes it into a data attribute. */
  public String chart(Object option) {
    if (option == null) {
      return null;
    }
    try {
      return json.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chart option that is not JSON", e);
    }
  }
}
