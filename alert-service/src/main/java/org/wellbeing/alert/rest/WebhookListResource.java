package org.wellbeing.alert.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wellbeing.alert.service.WebhookService;
import org.wellbeing.common.security.Caller;

/** {@code GET /api/v1/webhooks}: every webhook and e-mail channel, for administrators. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class WebhookListResource {

  private final WebhookService webhooks;

  public WebhookListResource(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  @GET
  public List<WebhookService.Webhook> list() {
    return webhooks.list();
  }
}
