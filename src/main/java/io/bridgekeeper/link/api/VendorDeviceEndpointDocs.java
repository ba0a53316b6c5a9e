package io.bridgekeeper.link.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.bridgekeeper.device.DeviceKind;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The contract a vendor implements when its households link by OAuth: the device endpoint that
 * Bridgekeeper calls with a household's access token. It is in the partner API's document under
 * {@code webhooks} (OpenAPI's place for the calls an API makes to its clients), version 1:
 * {@code GET <device endpoint>} with {@code Authorization: Bearer <access token>} answers 200 with the
 * token's account and all of its devices, or 401 when the token is not (or no longer) valid.
 */
@Component
class VendorDeviceEndpointDocs implements GlobalOpenApiCustomizer {

    static final String NAME = "vendorDeviceEndpoint";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().keySet().stream().noneMatch(p -> p.startsWith("/api/partner/"))) {
            return;
        }
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas("VendorDevice", new ObjectSchema()
                .description("One device of the account, as in a pushed device sync (DeviceItem).")
                .addProperty("id", new StringSchema().description("The vendor's own device id (1 to 200 characters).")
                        .example("cam-porch"))
                .addProperty("kind", new StringSchema()._enum(java.util.Arrays.stream(DeviceKind.values())
                        .map(Enum::name).toList()).description("The device's kind."))
                .addProperty("name", new StringSchema().description("The name the household gave it.").example("Porch"))
                .addProperty("model", new StringSchema().nullable(true)
                        .description("The code of a model the vendor registered (compatibility), or null."))
                .required(List.of("id", "kind", "name")));
        components.addSchemas("VendorDeviceList", new ObjectSchema()
                .description("Every device of the account the access token was issued for. Devices missing from the "
                        + "list are removed from the household; a device listed under another household's account is "
                        + "held as a conflict until the household confirms the move, never moved silently.")
                .addProperty("version", new IntegerSchema().description("The contract's version: 1.").example(1))
                .addProperty("account", new StringSchema().description("The vendor account the token belongs to "
                        + "(becomes the link's external account id; stable for the account).").example("acct-48213"))
                .addProperty("devices", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/VendorDevice")))
                .required(List.of("account", "devices")));
        Operation get = new Operation()
                .operationId(NAME)
                .summary("Your device endpoint, which Bridgekeeper calls (OAuth linking)")
                .description("Implemented by the vendor, registered as 'Device endpoint' in the vendor's OAuth settings. "
                        + "Bridgekeeper calls it with 'Authorization: Bearer <access token>' right after a household "
                        + "links, every 15 minutes, and soon after POST /api/partner/v1/accounts/{externalAccountId}/"
                        + "devices/changed. Answer within 5 seconds and at most 1 MiB. On 401 Bridgekeeper refreshes the "
                        + "token once and retries; a refused refresh marks the link 'needs re-linking'.")
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The account and all of its devices.")
                                .content(new Content().addMediaType("application/json", new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/VendorDeviceList")))))
                        .addApiResponse("401", new ApiResponse().description("The token is not valid (expired, revoked).")));
        api.addWebhooks(NAME, new PathItem().get(get));
    }
}
