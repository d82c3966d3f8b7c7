package org.opensalw.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opensalw.shared.UserFacingException;

public record LicenceId(@JsonValue UUID value) {

    @JsonCreator
    public LicenceId {
    }

    public static LicenceId random() {
        return new LicenceId(UUID.randomUUID());
    }

    public static LicenceId parse(String text) {
        try {
            return new LicenceId(UUID.fromString(text.trim()));
        } catch (RuntimeException e) {
            throw UserFacingException.notFound("licence", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
