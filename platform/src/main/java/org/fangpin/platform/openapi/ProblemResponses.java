package org.fangpin.platform.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.fangpin.platform.web.IdempotencyKeyFilter;

/**
 * Documents what the platform and the gateway answer before or instead of a controller, on every operation they
 * concern: refusals as problem+json ({@code Problem}, as {@code ProblemHandler} writes it) with the status codes the
 * operation can meet, and the {@code Idempotency-Key} header of writes. An operation's own annotation for a status
 * wins; one without content gets the problem content.
 */
class ProblemResponses implements GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    private static final String COMPONENT_PARAMETERS = "#/components/parameters/";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private record Refusal(String status, String name, String description, String code, String detail) {
    }

    private static final Refusal BAD_REQUEST = new Refusal("400", "BadRequest",
            "The request is malformed, a required parameter is missing, or a parameter or field breaks its rule: "
                    + "VALIDATION_FAILED names the fields in errors, PARAMETER_MISSING the parameter; "
                    + "MALFORMED_REQUEST is a body that is not JSON of the expected shape. Nothing was changed.",
            "VALIDATION_FAILED", "提交的内容不完整或格式不正确，请按字段提示修改后重新提交。");
    private static final Refusal UNAUTHORIZED = new Refusal("401", "Unauthorized",
            "No valid access token (UNAUTHENTICATED), or its role or region claim is not one the system knows.",
            "UNAUTHENTICATED", "未登录或登录已失效，请重新登录。");
    private static final Refusal FORBIDDEN = new Refusal("403", "Forbidden",
            "The user's role may not do this (FORBIDDEN, READ_ONLY_ROLE), or the record lies outside the user's "
                    + "region (OUT_OF_JURISDICTION).",
            "OUT_OF_JURISDICTION", "区划 150725 不在您的管辖范围（150724）内。");
    private static final Refusal NOT_FOUND = new Refusal("404", "NotFound",
            "No record with the id given in the path (for example HOUSEHOLD_NOT_FOUND).",
            "HOUSEHOLD_NOT_FOUND", "未找到农户 6f1c3a52-2a4f-4d0e-9d7e-0d6c1b1f2a11。");
    private static final Refusal CONFLICT = new Refusal("409", "Conflict",
            "The step does not fit the record's current state, another user changed the household at the same "
                    + "moment (CONCURRENT_CHANGE), or a request with the same Idempotency-Key is still running. "
                    + "Nothing was changed; reload and decide again.",
            "CONCURRENT_CHANGE", "该户记录刚被他人修改，本次操作未生效，请刷新后重试。");
    private static final Refusal UNPROCESSABLE = new Refusal("422", "UnprocessableEntity",
            "A business rule refused the request; code names the rule (for example DATE_IN_FUTURE) and detail says "
                    + "why in the user's language. Nothing was changed.",
            "DATE_IN_FUTURE", "日期 2030-01-01 晚于今天，请填写已发生的日期。");
    private static final Refusal TOO_LARGE = new Refusal("413", "PayloadTooLarge",
            "The body is larger than this operation accepts (REQUEST_TOO_LARGE); split it and send the parts.",
            "REQUEST_TOO_LARGE", "提交的内容超过允许的大小，未予处理。请拆分后分批提交。");
    private static final Refusal UNSUPPORTED = new Refusal("415", "UnsupportedMediaType",
            "The body is not of a content type this operation accepts (UNSUPPORTED_MEDIA_TYPE).",
            "UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型，请以 JSON 提交。");
    private static final Refusal RATE_LIMITED = new Refusal("429", "TooManyRequests",
            "The gateway's per-user rate limit was reached (RATE_LIMITED); the request did not reach the service. "
                    + "Send it again after Retry-After seconds.",
            "RATE_LIMITED", "请求过于频繁，请稍后再试。");
    private static final Refusal UNAVAILABLE = new Refusal("503", "ServiceUnavailable",
            "The service, its database or its message broker is unavailable for a moment (SERVICE_UNAVAILABLE); "
                    + "nothing was changed. Send it again after Retry-After seconds, with the same Idempotency-Key.",
            "SERVICE_UNAVAILABLE", "服务暂时不可用，本次提交未生效，请稍后重试；重试时请使用相同的 Idempotency-Key。");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Components components = openApi.getComponents();
        addProblemSchema(components);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
            boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
            boolean hasBody = operation.getRequestBody() != null;
            boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
            if (write && (operation.getParameters() == null || operation.getParameters().stream()
                    .noneMatch(parameter -> IdempotencyKeyFilter.HEADER.equals(parameter.getName())
                            || (COMPONENT_PARAMETERS + IDEMPOTENCY_KEY).equals(parameter.get$ref())))) {
                operation.addParametersItem(idempotencyKey(components));
            }
            ApiResponses responses = operation.getResponses();
            if (hasBody || hasParameters || write) {
                add(responses, components, BAD_REQUEST);
            }
            if (secured) {
                add(responses, components, UNAUTHORIZED);
                add(responses, components, FORBIDDEN);
            }
            if (path.contains("{")) {
                add(responses, components, NOT_FOUND);
            }
            if (write) {
                add(responses, components, CONFLICT);
                add(responses, components, UNPROCESSABLE);
            }
            if (hasBody) {
                add(responses, components, TOO_LARGE);
                add(responses, components, UNSUPPORTED);
            }
            add(responses, components, RATE_LIMITED);
            add(responses, components, UNAVAILABLE);
            responses.forEach((status, response) -> {
                // an operation's own refusal is problem+json too, whatever its return type
                if (status.matches("[45]\\d\\d") && response.get$ref() == null
                        && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                    response.setContent(problemContent(null));
                }
            });
        }));
        sortResponses(openApi);
    }

    /** A reference to the refusal's shared response, which is added with its first use (unused ones are findings). */
    private static void add(ApiResponses responses, Components components, Refusal refusal) {
        if (responses.containsKey(refusal.status())) {
            return;
        }
        if (components.getResponses() == null || !components.getResponses().containsKey(refusal.name())) {
            components.addResponses(refusal.name(), response(refusal));
        }
        responses.addApiResponse(refusal.status(), new ApiResponse().$ref("#/components/responses/" + refusal.name()));
    }

    private static ApiResponse response(Refusal refusal) {
        ApiResponse response = new ApiResponse().description(refusal.description())
                .content(problemContent(Map.of("type", "urn:fangpin:problem:" + refusal.code(),
                        "title", title(refusal.status()), "status", Integer.parseInt(refusal.status()),
                        "detail", refusal.detail(), "code", refusal.code())));
        if (refusal == RATE_LIMITED || refusal == UNAVAILABLE) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before sending the request again").schema(new IntegerSchema()));
        }
        return response;
    }

    private static Content problemContent(Object example) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        if (example != null) {
            problem.setExample(example);
        }
        return new Content().addMediaType(PROBLEM_JSON, problem);
    }

    private static Parameter idempotencyKey(Components components) {
        if (components.getParameters() == null || !components.getParameters().containsKey(IDEMPOTENCY_KEY)) {
            components.addParameters(IDEMPOTENCY_KEY, new HeaderParameter().name(IdempotencyKeyFilter.HEADER)
                    .required(false)
                    .description("Makes the write safe to send again: a retry with the same key gets the first "
                            + "answer (marked Idempotent-Replayed) and changes nothing more. A new key for each new "
                            + "write.")
                    .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,100}$")
                            .example("3c0e9a6e-6d7b-4f7e-8f55-0b7d2c41a9e1")));
        }
        return new Parameter().$ref(COMPONENT_PARAMETERS + IDEMPOTENCY_KEY);
    }

    /** RFC 9457 problem details with Fangpin's members, as {@code Problems} writes them. */
    private static void addProblemSchema(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM)) {
            return;
        }
        Schema<Object> fieldError = new ObjectSchema().description("A field or parameter and what is wrong with it")
                .addProperty("field", new StringSchema().example("perCapitaNetIncome"))
                .addProperty("message", new StringSchema().example("不能小于 0.00"));
        components.addSchemas(PROBLEM, new ObjectSchema()
                .description("A refusal (RFC 9457 problem details): a stable code, the detail in the language the "
                        + "client asked for (Chinese unless Accept-Language asks for English), both messages, and "
                        + "the correlation id to quote to an operator.")
                .addProperty("type", new StringSchema().format("uri").example("urn:fangpin:problem:VALIDATION_FAILED"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("提交的内容不完整或格式不正确，请按字段提示修改后重新提交。"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/leads"))
                .addProperty("code", new StringSchema().description("Stable upper-case code of the refusal")
                        .example("VALIDATION_FAILED"))
                .addProperty("messages", new ObjectSchema().description("The detail in Chinese and in English")
                        .addProperty("zh-CN", new StringSchema()).addProperty("en", new StringSchema()))
                .addProperty("correlationId", new StringSchema().example("b7e3f0c2-5c7e-4d8a-9a51-2f4f3f1d9e60"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("The fields or parameters refused, for VALIDATION_FAILED and PARAMETER_MISSING"))
                .required(List.of("type", "title", "status", "code")));
    }

    /** Status codes in order, so the documents read the same on every build. */
    private static void sortResponses(OpenAPI openApi) {
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach((Operation operation) -> {
            ApiResponses sorted = new ApiResponses();
            operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
            operation.setResponses(sorted);
        }));
    }

    private static String title(String status) {
        return org.springframework.http.HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase();
    }
}
