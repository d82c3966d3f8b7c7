package org.opensalw.registry;

public record Photo(PhotoInfo info, byte[] content) {
}
