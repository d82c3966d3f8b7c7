package org.opensalw.identification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.opensalw.identification.Alert;
import org.opensalw.identification.WatchEntry;
import org.opensalw.identification.WatchList;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The JSON API of the watch list: alerts, the signed-in user's new alerts, acknowledging, importing lists. */
@RestController
@Tag(name = "Watch list", description = "Recovered weapons matched against weapons reported lost or stolen, here and in imported lists")
class WatchListApi {

    record Mine(int count, List<UUID> alerts) {
    }

    record Imported(int added) {
    }

    private final WatchList watchList;

    WatchListApi(WatchList watchList) {
        this.watchList = watchList;
    }

    @GetMapping("/api/identification/alerts")
    @Operation(summary = "Watch-list alerts, newest first (open ones only unless all=true), with their evidence",
            description = "A page at a time: page (from 0) and size (at most 500)")
    List<Alert> alerts(@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "500") int size) {
        // size: at most 500; the evidence in the caller's language (Accept-Language)
        return watchList.alerts(!all, new org.opensalw.shared.PageRequest(page, size)).items();
    }

    @GetMapping("/api/identification/alerts/mine")
    @Operation(summary = "How many alerts were delivered to me and not opened yet (does not mark them read)")
    Mine mine() {
        return new Mine(watchList.unreadCount(), List.of());
    }

    @PostMapping("/api/identification/alerts/mine/open")
    @Operation(summary = "The ids of the alerts delivered to me and not opened yet; they are marked read")
    Mine openMine() {
        List<UUID> unread = watchList.openMine();
        return new Mine(unread.size(), unread);
    }

    @PostMapping("/api/identification/alerts/{id}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Acknowledge an alert (who and when are recorded; the alert stays listed)",
            description = "409 when it was acknowledged already, saying by whom and when; 404 when there is no such alert.")
    void acknowledge(@PathVariable UUID id) {
        watchList.acknowledge(id);
    }

    @GetMapping("/api/identification/watch-list")
    @Operation(summary = "The entries of the imported lost/stolen lists")
    List<WatchEntry> entries() {
        return watchList.entries();
    }

    @PostMapping(path = "/api/identification/watch-list", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a list of lost or stolen weapons (CSV, UTF-8 unless encoding says otherwise)",
            description = "Header line: reference, serial, maker, model, calibre, type, reported_by, report_kind (LOST or STOLEN), "
                    + "reported_on (YYYY-MM-DD); reference, serial and report_kind are required. Every line is checked first; none is "
                    + "kept if one is wrong (422 names each line, column and what it takes). A file that is not text in its encoding "
                    + "(UTF-8, or e.g. encoding=ISO-8859-1) is refused naming the line. Entries already imported from the same source "
                    + "with the same reference are skipped.")
    Imported importList(@RequestParam String source, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String encoding) throws IOException {
        return new Imported(watchList.importList(source, file.getBytes(), encoding));
    }
}
