package org.wellbeing.people.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service (CONTRACT.md), called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "ingest")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1")
public interface IngestClient {

  /** Every feed subscription with its last success, last error and next poll. */
  @GET
  @Path("/feeds")
  List<Channels.Feed> feeds();
}
