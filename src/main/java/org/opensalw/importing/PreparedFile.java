package org.opensalw.importing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A file received and kept (with its SHA-256), its header read: the headers found, the documented column each was
 * matched to by name, and the required columns not found yet. Started with {@link ImportManagement#start}.
 */
public record PreparedFile(UUID id, String fileName, String sha256, long bytes, String format, List<String> headers,
        Map<String, String> suggestedMapping, List<String> missingRequired, Character delimiter) {

    /** The file's header of column {@code i} ("#i" past the end of the header line). */
    public String header(int i) {
        return i < headers.size() ? headers.get(i) : "#" + i;
    }
}
