package org.opensalw.registry;

import java.util.UUID;
import org.opensalw.shared.UserFacingException;

public record HolderId(UUID value) {

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
