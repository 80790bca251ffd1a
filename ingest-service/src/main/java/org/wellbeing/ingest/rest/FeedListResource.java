package org.wellbeing.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.wellbeing.common.security.Caller;
import org.wellbeing.ingest.service.FeedService;
import org.wellbeing.ingest.service.FeedService.FeedStatus;

/** {@code GET /api/v1/feeds}: every feed subscription with its status. */
@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.INGEST, Caller.ADMIN})
public class FeedListResource {

  private final FeedService feeds;

  public FeedListResource(FeedService feeds) {
    this.feeds = feeds;
  }

  @GET
  public List<FeedStatus> list() {
    return feeds.list();
  }
}
