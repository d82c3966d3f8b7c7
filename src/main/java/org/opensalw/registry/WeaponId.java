package org.opensalw.registry;

import java.util.UUID;
import org.opensalw.shared.UserFacingException;

public record WeaponId(UUID value) {

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
