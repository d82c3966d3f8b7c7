package org.opensalw.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A word inside a message, given by its message key and said in the reader's language when the message is (a message
 * source resolves such an argument first): "No weapon" in English, "arme" in French. Where no message has the key, and
 * in logs, it is its fallback.
 */
public record Term(String code, String fallback) implements MessageSourceResolvable {

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public String getDefaultMessage() {
        return fallback;
    }

    @Override
    public String toString() {
        return fallback;
    }
}
