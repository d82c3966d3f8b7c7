package org.opensalw.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The image types a photo may have (of markings in the register, or sent with a tracing request): JPEG, PNG, WebP. Other
 * types are refused: a browser runs some (SVG, HTML) as pages of this node.
 */
public final class ImageTypes {

    private static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "image/webp");

    private ImageTypes() {
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
