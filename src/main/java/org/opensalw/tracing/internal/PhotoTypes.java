package org.opensalw.tracing.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The image types a tracing photo may have: those the register takes (JPEG, PNG, WebP). A peer chooses the type
 * and the bytes of the photos it sends, and a browser runs some types (SVG, HTML) as pages of this node.
 */
public final class PhotoTypes {

    private static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp");

    private PhotoTypes() {
    }

    /** The type in its plain form ("image/PNG; q=1" gives "image/png") when it is an accepted image type. */
    public static Optional<String> accepted(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String plain = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ACCEPTED.contains(plain) ? Optional.of(plain) : Optional.empty();
    }
}
