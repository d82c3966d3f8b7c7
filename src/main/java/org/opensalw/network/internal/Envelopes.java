package org.opensalw.network.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two layers of a message. The sealed message is the sender's JWS (ES256) of the message, encrypted (JWE,
 * ECDH-ES+A256KW / A256GCM) to the final recipient: only it can read it. The envelope is a JWS by the node that
 * hands it over, addressed to the next hop, naming the final recipient and carrying the sealed message; a hub
 * checks the envelope, cannot open the sealed message, and wraps it in an envelope of its own to pass it on.
 */
final class Envelopes {

    static final JOSEObjectType ENVELOPE = new JOSEObjectType("opensalw-envelope+json");
    static final JOSEObjectType MESSAGE = new JOSEObjectType("opensalw-message+json");
    /** Longer than any key id a node makes (a thumbprint: 43 characters); a longer one is refused before any look-up. */
    static final int MAX_KID = 200;

    private Envelopes() {
    }

    /** What the sender signs; only the recipient sees it. */
    record Message(UUID id, String from, String to, String conversation, String type, String payload, Instant sentAt) {
    }

    /** What each hop signs; what a hub sees. */
    record Envelope(UUID id, String from, String origin, String to, String hop, String conversation, String inner) {
    }

    /** Why a received message is refused. */
    static final class Refused extends Exception {
        final int status;
        final String reason;
        final String claimedSender;

        Refused(int status, String reason, String claimedSender, String detail) {
            super(detail);
            this.status = status;
            this.reason = reason;
            this.claimedSender = claimedSender;
        }
    }

    static String seal(Message m, ECKey senderSigning, ECKey recipientEncryption) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("id", m.id().toString());
            claims.put("from", m.from());
            claims.put("to", m.to());
            claims.put("conversation", m.conversation());
            claims.put("type", m.type());
            claims.put("payload", m.payload());
            claims.put("sentAt", m.sentAt().toString());
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(senderSigning.getKeyID()).type(MESSAGE).build(),
                    new Payload(claims));
            jws.sign(new ECDSASigner(senderSigning));
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                    .keyID(recipientEncryption.getKeyID()).contentType("JWS").build(), new Payload(jws.serialize()));
            jwe.encrypt(new ECDHEncrypter(recipientEncryption));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not seal a message", e);
        }
    }

    static String envelope(Envelope e, ECKey signing) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("id", e.id().toString());
            claims.put("from", e.from());
            claims.put("origin", e.origin());
            claims.put("to", e.to());
            claims.put("hop", e.hop());
            claims.put("conversation", e.conversation());
            claims.put("inner", e.inner());
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signing.getKeyID()).type(ENVELOPE).build(),
                    new Payload(claims));
            jws.sign(new ECDSASigner(signing));
            return jws.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign an envelope", ex);
        }
    }

    /** Reads an envelope without trusting it yet: who claims to have signed it and with which key. */
    static JWSObject parseSigned(String text, String what) throws Refused {
        try {
            JWSObject jws = JWSObject.parse(text.trim());
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
                throw new Refused(400, "UNSIGNED", null, what + " not signed with ES256");
            }
            return jws;
        } catch (ParseException e) {
            throw new Refused(400, "UNSIGNED", null, what + " is not a JWS: " + e.getMessage());
        }
    }

    static boolean verify(JWSObject jws, ECKey key) {
        try {
            return jws.verify(new ECDSAVerifier(key.toECPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    static Envelope envelopeOf(JWSObject jws) throws Refused {
        Map<String, Object> c = jws.getPayload().toJSONObject();
        if (c == null) {
            throw new Refused(400, "MALFORMED", null, "envelope is not JSON");
        }
        try {
            return new Envelope(UUID.fromString(str(c, "id")), str(c, "from"), str(c, "origin"), str(c, "to"), str(c, "hop"),
                    str(c, "conversation"), str(c, "inner"));
        } catch (RuntimeException e) {
            throw new Refused(400, "MALFORMED", String.valueOf(c.get("from")), "envelope incomplete: " + e.getMessage());
        }
    }

    static String claimedSender(JWSObject jws) {
        Map<String, Object> c = jws.getPayload().toJSONObject();
        return c == null || c.get("from") == null ? null : c.get("from").toString();
    }

    /** Opens the sealed message with one of this node's keys; returns the sender's JWS, not yet verified. */
    static JWSObject open(String inner, java.util.function.Function<String, java.util.Optional<ECKey>> decryptionKey) throws Refused {
        try {
            JWEObject jwe = JWEObject.parse(inner);
            String kid = jwe.getHeader().getKeyID();
            if (kid != null && kid.length() > MAX_KID) {
                throw new Refused(400, "UNKNOWN_KEY", null, "sealed to a key id of " + kid.length() + " characters");
            }
            ECKey key = decryptionKey.apply(kid)
                    .orElseThrow(() -> new Refused(400, "UNKNOWN_KEY", null, "sealed to a key this node does not have: " + jwe.getHeader().getKeyID()));
            jwe.decrypt(new ECDHDecrypter(key));
            return parseSigned(jwe.getPayload().toString(), "message");
        } catch (ParseException | JOSEException e) {
            throw new Refused(400, "TAMPERED", null, "sealed message cannot be opened: " + e.getMessage());
        }
    }

    static Message messageOf(JWSObject jws) throws Refused {
        Map<String, Object> c = jws.getPayload().toJSONObject();
        if (c == null) {
            throw new Refused(400, "MALFORMED", null, "message is not JSON");
        }
        try {
            return new Message(UUID.fromString(str(c, "id")), str(c, "from"), str(c, "to"), str(c, "conversation"), str(c, "type"),
                    str(c, "payload"), Instant.parse(str(c, "sentAt")));
        } catch (RuntimeException e) {
            throw new Refused(400, "MALFORMED", null, "message incomplete: " + e.getMessage());
        }
    }

    private static String str(Map<String, Object> c, String name) {
        Object v = c.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return v.toString();
    }
}
