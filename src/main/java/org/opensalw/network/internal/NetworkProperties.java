package org.opensalw.network.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opensalw.network.*}: delivery tuning and peers given by configuration (upserted at start, shown as
 * "configured"). A peer: {@code opensalw.network.peers.KE-NFP.endpoint=https://…}, {@code .role}, {@code .country},
 * {@code .name}, {@code .via} (a hub's id, or empty for direct) and {@code .jwks} (its public JWK set as JSON).
 */
@ConfigurationProperties("opensalw.network")
public class NetworkProperties {

    /** Delay of the first retry; doubled at each attempt, with jitter, up to maxDelay. */
    private Duration retryBase = Duration.ofSeconds(2);
    private Duration maxDelay = Duration.ofMinutes(10);
    /** Attempts before a message is marked undeliverable and shown to a person. */
    private int retryBudget = 30;
    /** How often the sender looks for due messages when it is not woken by a new one. */
    private Duration pollInterval = Duration.ofSeconds(1);
    /** Messages claimed per round and sent in parallel. */
    private int batchSize = 64;
    private int senderThreads = 8;
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration requestTimeout = Duration.ofSeconds(15);
    /** How long a claim keeps other instances away from a message being sent. */
    private Duration claimLease = Duration.ofSeconds(60);
    /** How long this node's previous keys stay valid after a rotation, and a peer's keys after they left its set. */
    private Duration keyGrace = Duration.ofDays(14);
    private Map<String, Peer> peers = new LinkedHashMap<>();

    public static class Peer {
        private String role = "NATIONAL";
        private String country;
        private String name;
        private String endpoint;
        private String via;
        private String jwks;

        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEndpoint() { return endpoint; }
        public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
        public String getVia() { return via; }
        public void setVia(String via) { this.via = via; }
        public String getJwks() { return jwks; }
        public void setJwks(String jwks) { this.jwks = jwks; }
    }

    public Duration getRetryBase() { return retryBase; }
    public void setRetryBase(Duration retryBase) { this.retryBase = retryBase; }
    public Duration getMaxDelay() { return maxDelay; }
    public void setMaxDelay(Duration maxDelay) { this.maxDelay = maxDelay; }
    public int getRetryBudget() { return retryBudget; }
    public void setRetryBudget(int retryBudget) { this.retryBudget = retryBudget; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public int getSenderThreads() { return senderThreads; }
    public void setSenderThreads(int senderThreads) { this.senderThreads = senderThreads; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public Duration getClaimLease() { return claimLease; }
    public void setClaimLease(Duration claimLease) { this.claimLease = claimLease; }
    public Duration getKeyGrace() { return keyGrace; }
    public void setKeyGrace(Duration keyGrace) { this.keyGrace = keyGrace; }
    public Map<String, Peer> getPeers() { return peers; }
    public void setPeers(Map<String, Peer> peers) { this.peers = peers; }
}
