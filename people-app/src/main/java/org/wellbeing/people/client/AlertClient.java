package org.wellbeing.people.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.wellbeing.contract.Alert;

/** alert-service (CONTRACT.md), called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "alert")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1")
public interface AlertClient {

  @GET
  @Path("/alerts")
  List<Alert> list(
      @QueryParam("status") String status,
      @QueryParam("teamId") String teamId,
      @QueryParam("personId") String personId,
      @QueryParam("rule") String rule,
      @QueryParam("severity") String severity,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("size") int size);

  @GET
  @Path("/alerts/{id}")
  Alert get(@PathParam("id") String id);

  @POST
  @Path("/alerts/{id}/ack")
  @Consumes("application/json")
  Alert acknowledge(@PathParam("id") String id, Acknowledgement ack);

  /** Every webhook and e-mail channel (never a secret). */
  @GET
  @Path("/webhooks")
  List<Channels.Webhook> webhooks();

  /** The body of an acknowledgement. */
  record Acknowledgement(String reason, LocalDate until) {}
}
