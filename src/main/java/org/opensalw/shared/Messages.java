package org.opensalw.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** Turns a violation into a sentence in the user's language; an unknown code is shown as it is, never hidden. */
public final class Messages {

    private Messages() {
    }

    public static String resolve(MessageSource messages, Violation v, Locale locale) {
        return messages.getMessage(v.code(), v.args().toArray(), v.code() + " " + v.args(), locale);
    }
}
