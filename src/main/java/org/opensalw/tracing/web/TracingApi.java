package org.opensalw.tracing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opensalw.registry.WeaponId;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.opensalw.tracing.AnswerForm;
import org.opensalw.tracing.AnswerScreen;
import org.opensalw.tracing.Recipient;
import org.opensalw.tracing.Sdg1642;
import org.opensalw.tracing.TraceId;
import org.opensalw.tracing.TraceRequest;
import org.opensalw.tracing.TraceRequestForm;
import org.opensalw.tracing.TraceSummary;
import org.opensalw.tracing.TracingManagement;
import org.opensalw.tracing.TracingStatistics;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of tracing: every action of the tracing pages. */
@RestController
@Tag(name = "Tracing", description = "ITI tracing requests between states: outbox, inbox, answers, thread, overdue list, SDG 16.4.2")
class TracingApi {

    record Created(UUID id) {
    }

    record Text(String text) {
    }

    private final TracingManagement tracing;
    private final TracingStatistics statistics;

    private final Clock clock;

    TracingApi(TracingManagement tracing, TracingStatistics statistics, Clock clock) {
        this.clock = clock;
        this.tracing = tracing;
        this.statistics = statistics;
    }

    @GetMapping("/api/tracing/requests")
    @Operation(summary = "Requests this node sent (OUTGOING, the outbox) or received (INCOMING, the inbox), latest change first",
            description = "A page at a time: page (from 0) and size (50 by default, at most 500); hasNext says whether another follows.")
    Page<TraceSummary> list(@RequestParam(defaultValue = "INCOMING") String direction, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return "OUTGOING".equalsIgnoreCase(direction) ? tracing.outbox(request) : tracing.inbox(request);
    }

    @GetMapping("/api/tracing/overdue")
    @Operation(summary = "Requests unanswered past this node's reasonable time (opensalw.tracing.reasonable-days), both ways")
    List<TraceSummary> overdue() {
        return tracing.overdue();
    }

    @GetMapping("/api/tracing/prefill")
    @Operation(summary = "A request drawn from a recovered weapon of the register",
            description = "Recovery (latest seized/found/surrendered event), every marking, type, calibre, and the suggested "
                    + "recipient (national node of the country of manufacture or of last legal import, when known).")
    TraceRequestForm prefill(@RequestParam UUID weapon) {
        return tracing.prefill(new WeaponId(weapon));
    }

    @PostMapping("/api/tracing/recipients")
    @Operation(summary = "States a request could go to, from its markings",
            description = "MANUFACTURE: the maker's country (reference data) or the country of manufacture; LAST_IMPORT: the "
                    + "country of the latest import mark; OTHER: other national nodes. nodeId is null when no node is known.")
    List<Recipient> recipients(@RequestBody TraceRequestForm form) {
        return tracing.recipients(form);
    }

    @PostMapping("/api/tracing/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a draft request (nothing is sent; photos of the weapon's markings are attached)")
    Created draft(@RequestBody TraceRequestForm form) {
        return new Created(tracing.draft(form).value());
    }

    @PutMapping("/api/tracing/requests/{id}")
    @Operation(summary = "Change a draft")
    void update(@PathVariable UUID id, @RequestBody TraceRequestForm form) {
        tracing.update(new TraceId(id), form);
    }

    @PostMapping("/api/tracing/requests/{id}/send")
    @Operation(summary = "Check a draft against the ITI rules and send it",
            description = "422 with every failing field when the request lacks what ITI para 17 requires: recipient, recovery "
                    + "kind, date and place, illicit nature, legal basis, intended use, type, calibre, serial or another "
                    + "marking, maker or country of manufacture; and on photos when they are over 8 MiB in all (sealed for the "
                    + "network they would be larger than a peer's inbox takes).")
    void send(@PathVariable UUID id) {
        tracing.send(new TraceId(id));
    }

    @GetMapping("/api/tracing/requests/{id}")
    @Operation(summary = "A request with its answer, steps (time and user of each) and thread")
    TraceRequest request(@PathVariable UUID id) {
        return tracing.request(new TraceId(id));
    }

    @GetMapping("/api/tracing/requests/{id}/answer")
    @Operation(summary = "The answer screen of an incoming request",
            description = "Candidates from identification in the local register; with weapon= (or a confident top candidate) "
                    + "its history and the proposed answer: last legal holder (name only with holder=true, audited), point of "
                    + "diversion.")
    AnswerScreen answerScreen(@PathVariable UUID id, @RequestParam(required = false) UUID weapon,
            @RequestParam(defaultValue = "false") boolean holder) {
        return tracing.answerScreen(new TraceId(id), weapon == null ? null : new WeaponId(weapon), holder);
    }

    @PostMapping("/api/tracing/requests/{id}/answer")
    @Operation(summary = "Answer an incoming request from the record (sent only to the requesting node)",
            description = "outcome FULL, PARTIAL (both need weaponId), RESTRICTED (needs restrictionReason) or NOT_FOUND; "
                    + "permittedUse is required: the use the answer may serve.")
    void answer(@PathVariable UUID id, @RequestBody AnswerForm form) {
        tracing.answer(new TraceId(id), form);
    }

    @PostMapping("/api/tracing/requests/{id}/messages")
    @Operation(summary = "Post a follow-up question or reply in the request's thread")
    void post(@PathVariable UUID id, @RequestBody Text body) {
        tracing.post(new TraceId(id), body.text());
    }

    @PostMapping("/api/tracing/requests/{id}/close")
    @Operation(summary = "Close a request",
            description = "A request this node made is closed on the requested node too (it is sent a tracing.close); a "
                    + "received request is closed on this node only: the requester is not told (answer it first to tell it). "
                    + "The reason is at most 4000 characters (422), as a peer takes it.")
    void close(@PathVariable UUID id, @RequestBody(required = false) Text reason) {
        tracing.close(new TraceId(id), reason == null ? null : reason.text());
    }

    @GetMapping("/api/tracing/sdg-16-4-2")
    @Operation(summary = "SDG indicator 16.4.2 for a year or a date range",
            description = "Proportion of seized, found or surrendered arms whose illicit origin was traced or established by a "
                    + "competent authority; lines ALL, by KIND, CLASS and TYPE, with the count per outcome.")
    Sdg1642 sdg(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        SdgPeriod p = SdgPeriod.of(year, from, to, clock);
        return statistics.sdg1642(p.from(), p.to());
    }

    @GetMapping(value = "/api/tracing/sdg-16-4-2.csv", produces = "text/csv")
    @Operation(summary = "SDG indicator 16.4.2 as CSV")
    void sdgCsv(@RequestParam(required = false) Integer year, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, HttpServletResponse response) throws IOException {
        SdgPeriod.of(year, from, to, clock).writeCsv(statistics, response);
    }
}
