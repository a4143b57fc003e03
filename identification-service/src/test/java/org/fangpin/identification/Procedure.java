package org.fangpin.identification;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import org.fangpin.contracts.value.IdNumber;
import org.fangpin.testsupport.DevTokenIssuer;

/**
 * The identification procedure driven through HTTP as its users would, each step by the role the work plans give
 * it: village officer, township reviewer, county approver.
 */
public final class Procedure {

    public static final String VILLAGE = "150724213201";
    public static final String TOWNSHIP = "150724213";
    public static final String COUNTY = "150724";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final DevTokenIssuer tokens;

    public Procedure(int port, DevTokenIssuer tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** The status and the JSON body of an answer. */
    public record Reply(int status, JsonNode body) {

        public String code() {
            return body.path("code").asText();
        }

        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Reply call(String role, String region, HttpMethod method, String uri, Object body, Object... variables) {
        RestClient.RequestBodySpec request = client(role, region).method(method).uri(uri, variables);
        if (body != null) {
            request.body(body);
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            return new Reply(response.getStatusCode().value(),
                    bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes));
        }, false);
    }

    public Reply village(HttpMethod method, String uri, Object body, Object... variables) {
        return call("VILLAGE_OFFICER", VILLAGE, method, uri, body, variables);
    }

    public Reply township(HttpMethod method, String uri, Object body, Object... variables) {
        return call("TOWNSHIP_REVIEWER", TOWNSHIP, method, uri, body, variables);
    }

    public Reply county(HttpMethod method, String uri, Object body, Object... variables) {
        return call("COUNTY_APPROVER", COUNTY, method, uri, body, variables);
    }

    /** 户登记 of a household with its head only; the ID number's first 17 digits name the person. */
    public String register(String headName, String idFirst17) {
        Reply reply = village(HttpMethod.POST, "/api/households", Map.of("regionCode", VILLAGE, "villageGroup", 3,
                "headName", headName, "headIdNumber", idNumber(idFirst17), "category", "GENERAL", "memberCount", 3));
        return expect(reply, 201).text("householdId");
    }

    public String reportLead(String householdId, String channel) {
        Reply reply = village(HttpMethod.POST, "/api/leads",
                Map.of("householdId", householdId, "channel", channel, "description", "入户走访发现生活困难"));
        return expect(reply, 201).text("leadId");
    }

    /** 入户核实 with the medical self-pay of the 12 months before, a 三保障 gap and both signatures. */
    public void verify(String leadId, String income, String medicalSelfPay) {
        expect(village(HttpMethod.POST, "/api/leads/{id}/verification", Map.of(
                "perCapitaNetIncome", income, "labourCapacity", "PARTIAL", "collector", "包银花",
                "householdConfirmed", true, "rigidExpenditures", Map.of("MEDICAL", medicalSelfPay),
                "guaranteeGaps", List.of("BASIC_MEDICAL")), leadId), 200);
    }

    /** 村级评议 with the notice put up today. */
    public void evaluate(String leadId) {
        expect(village(HttpMethod.POST, "/api/leads/{id}/village-evaluation",
                Map.of("opinion", "经村两委、驻村工作队评议，同意纳入"), leadId), 200);
    }

    public Reply townshipReview(String leadId, String decision, String text) {
        return township(HttpMethod.POST, "/api/leads/{id}/township-review",
                Map.of("decision", decision, decision.equals("APPROVE") ? "opinion" : "reason", text), leadId);
    }

    public Reply identify(String leadId, String objectType, String riskType) {
        return county(HttpMethod.POST, "/api/leads/{id}/county-decision",
                Map.of("decision", "IDENTIFY", "objectType", objectType, "riskTypes", List.of(riskType)), leadId);
    }

    public Reply lead(String leadId) {
        return county(HttpMethod.GET, "/api/leads/{id}", null, leadId);
    }

    public static Reply expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    public static String idNumber(String first17) {
        return first17 + IdNumber.checkCharacter(first17);
    }

    public RestClient client(String role, String region) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token(role, region))
                .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }
}
