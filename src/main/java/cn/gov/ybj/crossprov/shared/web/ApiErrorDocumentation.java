package cn.gov.ybj.crossprov.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Documents the 4xx answers of every operation under {@code /api/}, each with the one error body
 * {@link ApiErrors} (and the security chain, and the settlement APIs) write: the component schema
 * {@value #SCHEMA}. Which codes an operation gets follows from the operation itself — a body or
 * parameters can be malformed (400), a path variable can name something the caller may not see
 * (404), a write can be refused by a rule (422), a body can have the wrong type (415) or a
 * multipart upload be too large (413); every operation outside {@code /api/public/} needs a token
 * (401) of its role (403). A code the controller documents itself ({@code @ApiResponse}) keeps its
 * description; only a missing JSON schema is filled in.
 */
@Component
class ApiErrorDocumentation implements OpenApiCustomizer {

    static final String SCHEMA = "ApiError";
    /** permitAll in the API's security chain (SecurityConfig, identity module: not visible from here) */
    static final String PUBLIC = "/api/public/";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;
    private static final List<PathItem.HttpMethod> WRITES = List.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    static final String BAD_REQUEST = "请求格式不正确，message 指明字段或参数（日期为 yyyy-MM-dd，枚举取规定值）"
            + " / Malformed request: the message names the field or parameter (dates yyyy-MM-dd, enumerations a listed value)";
    static final String UNAUTHORIZED = "未登录或令牌无效、已过期（另有 WWW-Authenticate 头）"
            + " / No bearer token, or an invalid or expired one (with a WWW-Authenticate header)";
    static final String FORBIDDEN = "令牌的角色不能使用此功能 / The token's role may not use this operation";
    static final String NOT_FOUND = "未找到，或不是调用者可查看的（他人的数据也答 404，不答 403）"
            + " / Not found, or not the caller's to see (another person's data answers 404, never 403)";
    static final String TOO_LARGE = "上传过大：每个文件不超过 10 MB，至多 30 个部件 / Upload too large: at most 10 MB per file and 30 parts";
    static final String UNSUPPORTED = "不支持该内容类型（见 requestBody）/ Unsupported content type (see the request body)";
    static final String RULE = "业务规则不允许（message 说明原因）/ Refused by a business rule (the message says why)";

    @Override
    public void customise(OpenAPI api) {
        api.schema(SCHEMA, schema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(path, item, method, operation));
            }
        });
    }

    private static void document(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = hasAny(operation.getParameters()) || hasAny(item.getParameters());
        boolean authenticated = !path.startsWith(PUBLIC);

        if (body || parameters) {
            add(responses, "400", BAD_REQUEST);
        }
        if (authenticated) {
            add(responses, "401", UNAUTHORIZED);
            responses.get("401").addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema())
                    .description("Bearer (RFC 6750)"));
            // every authenticated operation serves particular roles (insured, clerks, officers, hospitals, admins)
            add(responses, "403", FORBIDDEN);
        }
        if (path.contains("{")) {
            add(responses, "404", NOT_FOUND);
        }
        if (body && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(MULTIPART)) {
            add(responses, "413", TOO_LARGE);
        }
        if (body) {
            add(responses, "415", UNSUPPORTED);
        }
        if (WRITES.contains(method)) {
            add(responses, "422", RULE);
        }
        // whatever the controller declared (e.g. 409) gets the error body too, if it said nothing of one
        responses.forEach((code, response) -> {
            if (code.startsWith("4")) {
                withErrorBody(response);
            }
        });
    }

    /** Adds the code unless the controller documented it; either way it ends with the error body. */
    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
        withErrorBody(responses.get(code));
    }

    private static void withErrorBody(ApiResponse response) {
        if (response.getContent() == null || response.getContent().isEmpty()) {
            response.setContent(new Content());
        }
        MediaType json = response.getContent().get(JSON);
        if (json == null) {
            // an error is always JSON, also where the success is a PDF or a CSV
            response.getContent().addMediaType(JSON, new MediaType().schema(ref()));
        } else if (json.getSchema() == null) {
            json.setSchema(ref());
        }
        // springdoc's default "*/*" placeholder would say the error could be anything
        response.getContent().remove("*/*");
    }

    private static Schema<?> ref() {
        return new Schema<>().$ref("#/components/schemas/" + SCHEMA);
    }

    private static boolean hasAny(List<?> list) {
        return list != null && !list.isEmpty();
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> schema() {
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        properties.put("messageZh", new StringSchema().description("中文说明：原因，及出错的字段或参数 / Chinese text: why, naming the field"));
        properties.put("messageEn", new StringSchema().description("The same in English"));
        properties.put("code", new StringSchema().description("结算接口：机器可读的拒绝代码 / Settlement APIs only: machine-readable refusal code"));
        properties.put("field", new StringSchema().description("结算接口：出错的字段（400）/ Settlement APIs only: the field at fault (400)"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(List.of("messageZh", "messageEn"));
        schema.setDescription("每个 4xx 的内容，中英双语 / The body of every 4xx, in both languages");
        return schema;
    }
}
