package org.wellbeing.alert.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.wellbeing.alert.domain.InvalidInputException;
import org.wellbeing.alert.service.WebhookService;
import org.wellbeing.alert.service.WebhookService.Saved;
import org.wellbeing.common.security.Caller;
import org.wellbeing.contract.Violation;

/** Webhook registrations: {@code {"url": "…", "teamId": "…"?, "secret": "…"?}}. */
@Path("/api/v1/webhooks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class WebhookResource {

  private final WebhookService webhooks;
  private final ObjectMapper json;

  public WebhookResource(WebhookService webhooks, ObjectMapper json) {
    this.webhooks = webhooks;
    this.json = json;
  }

  /**
   * Creating answers the signing secret (generated when none was given), this once; changing an
   * existing webhook changes only the fields given and never answers the secret.
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("id") String id, String body) {
    JsonNode node;
    try {
      node = json.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "the body is not valid JSON", List.of(Violation.of(null, "malformed JSON")));
    }
    Saved saved = webhooks.put(id, node);
    return Response.status(saved.created() ? 201 : 200).entity(saved.webhook()).build();
  }

  @GET
  public WebhookService.Webhook get(@PathParam("id") String id) {
    return webhooks.get(id);
  }

  @DELETE
  public Response delete(@PathParam("id") String id) {
    webhooks.delete(id);
    return Response.noContent().build();
  }
}
