package org.wellbeing.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.wellbeing.common.rest.RequestBodies;
import org.wellbeing.common.security.Caller;
import org.wellbeing.ingest.service.FeedService;
import org.wellbeing.ingest.service.FeedService.FeedStatus;
import org.wellbeing.ingest.service.FeedService.Saved;

/** iCalendar feed subscriptions: {@code {"personId": "…", "url": "…", "pollMinutes": 15}}. */
@Path("/api/v1/feeds/{feedId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.INGEST, Caller.ADMIN})
public class FeedResource {

  private final FeedService feeds;
  private final RequestBodies bodies;

  public FeedResource(FeedService feeds, RequestBodies bodies) {
    this.feeds = feeds;
    this.bodies = bodies;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response put(@PathParam("feedId") String feedId, String body) {
    FeedRequest feed = bodies.one(body, FeedRequest.class);
    Saved saved = feeds.subscribe(feedId, feed.personId(), feed.url(), feed.pollMinutes());
    return Response.status(saved.created() ? 201 : 200).entity(saved.feed()).build();
  }

  /** The subscription with its last success, last error and next poll. */
  @GET
  public FeedStatus get(@PathParam("feedId") String feedId) {
    return feeds.get(feedId);
  }
}
