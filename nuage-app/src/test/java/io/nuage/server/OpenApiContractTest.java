package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract check itself fails on responses that break the document. */
class OpenApiContractTest {
  private final OpenApiContract contract = OpenApiContract.served();

  @Test
  void conform_acceptsADocumentedResponse() {
    assertThatCode(
            () ->
                contract.conform("GET", "/health", 200, "application/json", "{\"status\":\"ok\"}"))
        .doesNotThrowAnyException();
  }

  @Test
  void conform_rejectsMissingFieldsWrongTypesAndUndocumentedStatuses() {
    assertThatThrownBy(
            () ->
                contract.conform(
                    "GET",
                    "/api/catalog/offerings",
                    200,
                    "application/json",
                    "{\"total\":1,\"offset\":0,\"limit\":1,\"offerings\":[{\"provider\":\"oci\","
                        + "\"region\":\"oci/x\",\"accelerator\":\"H100\",\"pricing\":\"on-demand\","
                        + "\"pricePerGpuHour\":2.5,\"instanceType\":\"\"}]}"))
        .hasMessageContaining("$.offerings[0].pricePerGpuHour: got number")
        .hasMessageContaining("required field 'source' is missing");
    assertThatThrownBy(
            () -> contract.conform("GET", "/api/plans/pl_1", 418, "application/json", "{}"))
        .hasMessageContaining("status not documented");
    assertThatThrownBy(() -> contract.conform("GET", "/api/plans", 404, "application/json", "{}"))
        .hasMessageContaining("status not documented");
    assertThatThrownBy(() -> contract.conform("PATCH", "/api/plans", 405, "text/html", "<html>"))
        .hasMessageContaining("error with content type text/html");
  }
}
