package org.wellbeing.alert.rest;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import org.wellbeing.alert.service.WebhookService;
import org.wellbeing.alert.service.WebhookService.Saved;
import org.wellbeing.common.rest.InvalidBodyException;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.common.security.Caller;
import org.wellbeing.contract.Violation;

/** Webhook registrations: {@code {"url": "…", "teamId": "…"?, "secret": "…"?, "format": "…"?}}. */
@Path("/api/v1/webhooks/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class WebhookResource {

  private final WebhookService webhooks;
  private final RequestBodies bodies;

  public WebhookResource(WebhookService webhooks, RequestBodies bodies) {
    this.webhooks = webhooks;
    this.bodies = bodies;
  }

  /**
   * Creating answers the signing secret (generated when none was given), this once; changing an
   * existing webhook changes only the fields given and never answers the secret.
   */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("id") String id, String body) {
    JsonNode tree = bodies.object(body);
    List<Violation> found = new ArrayList<>();
    WebhookRequest request = bodies.bind(-1, tree, WebhookRequest.class, found);
    if (!found.isEmpty()) {
      throw new InvalidBodyException("invalid webhook", found);
    }
    // records cannot tell a field left out from one given as null; a team is cleared by null
    Saved saved =
        webhooks.put(
            id,
            request.url(),
            tree.has("teamId"),
            request.teamId(),
            request.secret(),
            request.format());
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
