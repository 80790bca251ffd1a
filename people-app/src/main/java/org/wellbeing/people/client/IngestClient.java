package org.wellbeing.people.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** ingest-service (CONTRACT.md), called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "ingest")
@RegisterClientHeaders(UserToken.class)
@Path("/api/v1")
public interface IngestClient {

  /** A feed subscription with its last success, last error and next poll. */
  @GET
  @Path("/feeds/{feedId}")
  Map<String, Object> feed(@PathParam("feedId") String feedId);
}
