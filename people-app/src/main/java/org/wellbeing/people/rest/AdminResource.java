package org.wellbeing.people.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wellbeing.people.client.AlertClient;
import org.wellbeing.people.client.IngestClient;
import org.wellbeing.people.client.ModelClient;

/**
 * Administration: the directory import (CSV or JSON, every refused row named), the webhooks and
 * e-mail channels, and the feeds with their polling status.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class AdminResource {

  /** A directory file larger than this is refused here, before it is read. */
  static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

  private final ModelClient model;
  private final AlertClient alerts;
  private final IngestClient ingest;
  private final Viewer viewer;
  private final ObjectMapper json;
  private final Template page;

  public AdminResource(
      @RestClient ModelClient model,
      @RestClient AlertClient alerts,
      @RestClient IngestClient ingest,
      Viewer viewer,
      ObjectMapper json,
      @Location("admin.html") Template page) {
    this.model = model;
    this.alerts = alerts;
    this.ingest = ingest;
    this.viewer = viewer;
    this.json = json;
    this.page = page;
  }

  @GET
  public TemplateInstance get() {
    return view(null, List.of());
  }

  @POST
  @Path("directory")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response importDirectory(@RestForm("file") FileUpload file) throws IOException {
    if (file == null || file.size() == 0) {
      return Response.status(400)
          .entity(view(null, List.of("Choose a CSV or JSON file to import.")))
          .build();
    }
    if (file.size() > MAX_UPLOAD_BYTES) {
      return Response.status(413)
          .entity(view(null, List.of("The file is larger than 5 MB.")))
          .build();
    }
    String body;
    try {
      body = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      return Response.status(400)
          .entity(
              view(null, List.of("The file is not UTF-8 text; save it as UTF-8 and try again.")))
          .build();
    }
    if (body.startsWith("\uFEFF")) {
      body = body.substring(1); // a byte-order mark, as spreadsheet programs write it
    }
    boolean isJson = body.stripLeading().startsWith("{");
    Map<?, ?> imported;
    try (Response answer = isJson ? model.importJson(body) : model.importCsv(body)) {
      imported = json.readValue(answer.readEntity(String.class), Map.class);
    } catch (JsonProcessingException e) {
      imported = Map.of("teams", "?", "people", "?");
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status != 400 && status != 413) {
        throw e;
      }
      return Response.status(status).entity(view(null, ServiceErrors.messages(e))).build();
    }
    String notice =
        "Imported %s teams and %s people from %s."
            .formatted(imported.get("teams"), imported.get("people"), file.fileName());
    return Response.ok(view(notice, List.of())).build();
  }

  private TemplateInstance view(String notice, List<String> errors) {
    return page.data("viewer", viewer)
        .data("notice", notice)
        .data("errors", errors)
        .data("webhooks", orNull(alerts::webhooks))
        .data("feeds", orNull(ingest::feeds));
  }

  /** A list from another service, or null when that service cannot answer: the page still shows. */
  private static <T> List<T> orNull(Supplier<List<T>> call) {
    try {
      return call.get();
    } catch (WebApplicationException | ProcessingException e) {
      return null;
    }
  }
}
