package org.opensalw.support;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A node's API as its administrator uses it (HTTP, Basic auth as the first administrator of test nodes). */
public final class NodeClient {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    /** An HTTP answer. */
    public record Answer(int status, String body) {
        public Map<String, Object> json() {
            try {
                return JSONObjectUtils.parse(body);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("Not a JSON object: " + body, e);
            }
        }

        public List<Object> jsonArray() {
            try {
                return JSONArrayUtils.parse(body);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("Not a JSON array: " + body, e);
            }
        }

        public Answer ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String basic;
    private volatile String bearer;

    public NodeClient(String url) {
        this(url, "admin", ADMIN_PASSWORD);
    }

    /** A client acting as another user of the node (e.g. an investigator created through {@link #createUser}). */
    public NodeClient(String url, String username, String password) {
        this.url = url;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates a user with these roles (as the administrator) and returns a client acting as them. */
    public NodeClient createUser(String username, String password, String... roles) {
        String list = String.join("\",\"", roles);
        post("/api/users", """
                {"username":"%s","displayName":"%s","roles":["%s"],"locale":"en","password":"%s"}"""
                .formatted(username, username, list, password)).ok();
        return new NodeClient(url, username, password);
    }

    /** A bearer token obtained once with the password (a password check per call would cost a hash each time). */
    private String authorization() {
        String b = bearer;
        if (b == null) {
            synchronized (this) {
                if (bearer == null) {
                    Answer token = send("POST", "/api/tokens", "{\"name\":\"test client\"}", "application/json", basic);
                    bearer = token.status() == 201 ? "Bearer " + token.json().get("secret") : basic;
                }
                b = bearer;
            }
        }
        return b;
    }

    public String url() {
        return url;
    }

    public Answer get(String path) {
        return call("GET", path, null, null);
    }

    public Answer post(String path, String json) {
        return call("POST", path, json, "application/json");
    }

    public Answer put(String path, String json) {
        return call("PUT", path, json, "application/json");
    }

    /** Posts a body to a path without logging in (what peers do at /network/inbox). */
    public Answer postAnonymous(String path, String body, String contentType) {
        return call("POST", path, body, contentType, false);
    }

    public Answer call(String method, String path, String body, String contentType) {
        return call(method, path, body, contentType, true);
    }

    private Answer call(String method, String path, String body, String contentType, boolean admin) {
        return send(method, path, body, contentType, admin ? authorization() : null);
    }

    private Answer send(String method, String path, String body, String contentType, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + url + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the node answers its health check. */
    public boolean up() {
        try {
            return send("GET", "/actuator/health", null, null, null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The node's public JWK set, as JSON text. */
    public String jwks() {
        return get("/network/jwks").ok().body();
    }

    /** Trusts a peer: PUT /api/network/peers/{id} with its keys. */
    public Answer trust(NodeSpec peer, String endpoint, String jwks, String via) {
        String json = "{\"role\":\"" + peer.role() + "\",\"country\":" + str(peer.country()) + ",\"name\":\"Test node " + peer.id()
                + "\",\"endpoint\":\"" + endpoint + "\",\"via\":" + str(via) + ",\"jwks\":" + str(jwks) + "}";
        return put("/api/network/peers/" + peer.id(), json).ok();
    }

    /** Queues a test message (network.ping) to a peer; returns its message id. */
    public String sendTestMessage(String recipient, String conversationId) {
        return (String) post("/api/network/test-message", "{\"recipient\":\"" + recipient + "\",\"conversationId\":"
                + str(conversationId) + "}").ok().json().get("id");
    }

    /** The delivery state of an outgoing message (QUEUED, DELIVERED, UNDELIVERABLE). */
    public String messageStatus(String id) {
        return (String) get("/api/network/messages/" + id).ok().json().get("status");
    }

    /** Test messages this node processed (one entry per processing): id, sender, sentAt, processedAt. */
    public List<Object> receivedTestMessages(String sender) {
        return get("/api/network/test-messages/received" + (sender == null ? "" : "?sender=" + sender)).ok().jsonArray();
    }

    static String str(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
