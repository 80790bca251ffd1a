package org.wellbeing.people.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start page sends each person where their work is. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

  private final Viewer viewer;
  private final Template signedOut;

  public HomeResource(Viewer viewer, @Location("signed-out.html") Template signedOut) {
    this.viewer = viewer;
    this.signedOut = signedOut;
  }

  @GET
  public Response home() {
    String start = viewer.manager() ? "/inbox" : viewer.admin() ? "/admin" : "/me";
    return Response.seeOther(URI.create(start)).build();
  }

  @GET
  @Path("signed-out")
  public TemplateInstance signedOut() {
    return signedOut.instance();
  }
}
