package org.opensalw.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opensalw.shared.UserFacingException;

public record WeaponId(@JsonValue UUID value) {

    @JsonCreator
    public WeaponId {
    }

    public static WeaponId random() {
        return new WeaponId(UUID.randomUUID());
    }

    public static WeaponId parse(String text) {
        try {
            return new WeaponId(UUID.fromString(text.trim()));
        } catch (RuntimeException e) {
            throw UserFacingException.notFound("weapon", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
