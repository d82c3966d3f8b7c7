package org.opensalw.tracing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensalw.TestDatabase;
import org.opensalw.tracing.TraceId;
import org.opensalw.tracing.TraceRequestForm;
import org.opensalw.tracing.TracingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Photos a peer sent are shown as images and never run as pages of this node. */
@TestDatabase
@WithMockUser(username = "officer", roles = "INVESTIGATOR")
class TracingPhotoTests {

    @Autowired
    TracingController controller;
    @Autowired
    TracingManagement tracing;
    @Autowired
    JdbcClient jdbc;

    private UUID photo(TraceId request, String contentType, String content) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO trace_photo (id, request_id, caption, content_type, content) VALUES (:id, :r, 'p', :t, :b)")
                .param("id", id).param("r", request.value()).param("t", contentType).param("b", content.getBytes()).update();
        return id;
    }

    @Test
    void shouldServeAPhotoAsAnImageThatCannotRunAsAPage() {
        TraceId request = tracing.draft(new TraceRequestForm(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        UUID png = photo(request, "image/png", "png");
        // as kept before only image types were taken from peers
        UUID svg = photo(request, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

        ResponseEntity<byte[]> image = controller.photo(png);
        assertThat(image.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("image/png");
        assertThat(image.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(image.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        ResponseEntity<byte[]> script = controller.photo(svg);
        assertThat(script.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/octet-stream");
        assertThat(script.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(script.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
