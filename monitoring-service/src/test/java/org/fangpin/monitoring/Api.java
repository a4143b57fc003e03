package org.fangpin.monitoring;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.fangpin.testsupport.DevTokenIssuer;

/** This service's HTTP API as a user with a token sees it: every answer as its status and JSON body. */
public final class Api {

    public record Reply(int status, JsonNode body) {

        public String code() {
            return body.path("code").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;

    private Api(RestClient client) {
        this.client = client;
    }

    public static Api as(DevTokenIssuer tokens, int port, String role, String region) {
        return withToken(port, tokens.token(role, region));
    }

    public static Api withToken(int port, String token) {
        return new Api(RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build());
    }

    public Reply get(String uri, Object... variables) {
        return client.get().uri(uri, variables).exchange((request, reply) ->
                new Reply(reply.getStatusCode().value(), read(reply.getBody().readAllBytes())), false);
    }

    public Reply post(String uri, Object body, Object... variables) {
        return client.post().uri(uri, variables).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, reply) ->
                        new Reply(reply.getStatusCode().value(), read(reply.getBody().readAllBytes())), false);
    }

    public Reply upload(String uri, String contentType, byte[] file) {
        return client.post().uri(uri).contentType(MediaType.parseMediaType(contentType)).body(file)
                .exchange((request, reply) ->
                        new Reply(reply.getStatusCode().value(), read(reply.getBody().readAllBytes())), false);
    }

    private static JsonNode read(byte[] body) throws IOException {
        return body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
    }
}
