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

    /**
     * Whether the content starts as an image of this (accepted, plain) type does: JPEG with FF D8 FF, PNG with 89 "PNG",
     * WebP with "RIFF" and "WEBP". The type a browser or client declares is only what the file claims to be: a text file
     * sent as image/png is not a photo.
     */
    public static boolean looksLike(String type, byte[] content) {
        if (type == null || content == null) {
            return false;
        }
        return switch (type) {
            case "image/jpeg" -> startsWith(content, 0, 0xFF, 0xD8, 0xFF);
            case "image/png" -> startsWith(content, 0, 0x89, 'P', 'N', 'G');
            case "image/webp" -> startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P');
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, int at, int... bytes) {
        if (content.length < at + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((content[at + i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
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
