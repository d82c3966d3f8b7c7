package org.opensalw.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opensalw.shared.UserFacingException;

public record HolderId(@JsonValue UUID value) {

    @JsonCreator
    public HolderId {
    }

    public static HolderId random() {
        return new HolderId(UUID.randomUUID());
    }

    public static HolderId parse(String text) {
        try {
            return new HolderId(UUID.fromString(text.trim()));
        } catch (RuntimeException e) {
            throw UserFacingException.notFound("holder", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
