package org.opensalw.assistance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opensalw.assistance.Actor;
import org.opensalw.assistance.ActorId;
import org.opensalw.assistance.ActorKind;
import org.opensalw.assistance.Actors;
import org.opensalw.assistance.Area;
import org.opensalw.assistance.AssistanceManagement;
import org.opensalw.assistance.AssistanceRequest;
import org.opensalw.assistance.Confirmation;
import org.opensalw.assistance.Coordination;
import org.opensalw.assistance.Expert;
import org.opensalw.assistance.ExpertId;
import org.opensalw.assistance.Matching;
import org.opensalw.assistance.MatchWeights;
import org.opensalw.assistance.NewActor;
import org.opensalw.assistance.NewExpert;
import org.opensalw.assistance.NewOffer;
import org.opensalw.assistance.NewRequest;
import org.opensalw.assistance.Offer;
import org.opensalw.assistance.OfferId;
import org.opensalw.assistance.OfferStatus;
import org.opensalw.assistance.Project;
import org.opensalw.assistance.ProjectDetails;
import org.opensalw.assistance.ProjectId;
import org.opensalw.assistance.ProjectStatus;
import org.opensalw.assistance.RankedOffer;
import org.opensalw.assistance.RankedRequest;
import org.opensalw.assistance.ReportKind;
import org.opensalw.assistance.RequestFilter;
import org.opensalw.assistance.RequestId;
import org.opensalw.assistance.RequestStatus;
import org.opensalw.shared.Page;
import org.opensalw.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assistance: needs and resources", description = "Actors, experts, assistance requests, offers, matching, projects and coordination views (issue 6)")
class AssistanceApi {

    record StatusChange(RequestStatus status) {
    }

    record NewMilestone(String title, LocalDate dueDate) {
    }

    record NewReport(ReportKind kind, String summary, BigDecimal spent) {
    }

    record Created(UUID id) {
    }

    private final Actors actors;
    private final AssistanceManagement management;
    private final Matching matching;
    private final Coordination coordination;

    AssistanceApi(Actors actors, AssistanceManagement management, Matching matching, Coordination coordination) {
        this.actors = actors;
        this.management = management;
        this.matching = matching;
        this.coordination = coordination;
    }

    @GetMapping("/api/assistance/actors")
    @Operation(summary = "Actors: states, donors, the 24 UN entities, organisations, civil society, research institutes")
    List<Actor> actors(@RequestParam(required = false) ActorKind kind) {
        return actors.list(kind);
    }

    @PostMapping("/api/assistance/actors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an actor (ADMIN, REGISTRAR)")
    Actor createActor(@RequestBody NewActor actor) {
        return actors.create(actor);
    }

    @PostMapping("/api/assistance/actors/{id}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an actor and its open offers; it stays in the history (ADMIN, REGISTRAR)")
    void withdrawActor(@PathVariable UUID id) {
        actors.withdraw(new ActorId(id));
    }

    @GetMapping("/api/assistance/experts")
    @Operation(summary = "The roster of experts, by area and language")
    List<Expert> experts(@RequestParam(required = false) Area area, @RequestParam(required = false) String language) {
        return actors.experts(area, language);
    }

    @PostMapping("/api/assistance/experts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an expert to the roster (ADMIN, REGISTRAR)")
    ExpertId addExpert(@RequestBody NewExpert expert) {
        return actors.addExpert(expert);
    }

    @GetMapping("/api/assistance/requests")
    @Operation(summary = "Assistance requests, newest first, by country, M49 region or sub-region, area and status")
    Page<AssistanceRequest> requests(@RequestParam(required = false) String country, @RequestParam(required = false) String region,
            @RequestParam(required = false) Area area, @RequestParam(required = false) RequestStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return management.requests(new RequestFilter(country, region, area, status), new PageRequest(page, size));
    }

    @PostMapping("/api/assistance/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an assistance request (ADMIN, REGISTRAR)")
    AssistanceRequest fileRequest(@RequestBody NewRequest request) {
        return management.request(management.fileRequest(request));
    }

    @GetMapping("/api/assistance/requests/{id}")
    @Operation(summary = "One assistance request")
    AssistanceRequest request(@PathVariable UUID id) {
        return management.request(new RequestId(id));
    }

    @PutMapping("/api/assistance/requests/{id}/status")
    @Operation(summary = "Confirm a draft (OPEN), withdraw or close a request (ADMIN, REGISTRAR)")
    AssistanceRequest changeStatus(@PathVariable UUID id, @RequestBody StatusChange change) {
        return management.changeRequestStatus(new RequestId(id), change.status());
    }

    @GetMapping("/api/assistance/requests/{id}/offers")
    @Operation(summary = "Open offers ranked for a request, best first, each with its reasons")
    List<RankedOffer> rankOffers(@PathVariable UUID id, @RequestParam(defaultValue = "20") int limit) {
        return matching.rankOffers(new RequestId(id), Math.min(limit, 500));
    }

    @GetMapping("/api/assistance/offers")
    @Operation(summary = "Offers of funding, expertise, equipment and training")
    List<Offer> offers(@RequestParam(required = false) OfferStatus status) {
        return management.offers(status);
    }

    @PostMapping("/api/assistance/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make an offer; a funding offer states its amount (ADMIN, REGISTRAR)")
    Offer makeOffer(@RequestBody NewOffer offer) {
        return management.offer(management.makeOffer(offer));
    }

    @GetMapping("/api/assistance/offers/{id}")
    @Operation(summary = "One offer, with what confirmed projects already committed")
    Offer offer(@PathVariable UUID id) {
        return management.offer(new OfferId(id));
    }

    @PostMapping("/api/assistance/offers/{id}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an offer (ADMIN, REGISTRAR)")
    void withdrawOffer(@PathVariable UUID id) {
        management.withdrawOffer(new OfferId(id));
    }

    @GetMapping("/api/assistance/offers/{id}/requests")
    @Operation(summary = "Open requests ranked for an offer, best first, each with its reasons")
    List<RankedRequest> rankRequests(@PathVariable UUID id, @RequestParam(defaultValue = "20") int limit) {
        return matching.rankRequests(new OfferId(id), Math.min(limit, 500));
    }

    @GetMapping("/api/assistance/weights")
    @Operation(summary = "The hub's matching weights")
    MatchWeights weights() {
        return matching.weights();
    }

    @PutMapping("/api/assistance/weights")
    @Operation(summary = "Change the matching weights, 0-100 each (ADMIN, REGISTRAR)")
    MatchWeights changeWeights(@RequestBody MatchWeights weights) {
        return matching.changeWeights(weights);
    }

    @PostMapping("/api/assistance/matches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Confirm a match: the request and offer become a project (ADMIN, REGISTRAR)")
    ProjectDetails confirm(@RequestBody Confirmation confirmation) {
        return matching.project(matching.confirm(confirmation));
    }

    @GetMapping("/api/assistance/projects")
    @Operation(summary = "Projects born of confirmed matches")
    List<Project> projects(@RequestParam(required = false) ProjectStatus status) {
        return matching.projects(status);
    }

    @GetMapping("/api/assistance/projects/{id}")
    @Operation(summary = "A project with its milestones and reports")
    ProjectDetails project(@PathVariable UUID id) {
        return matching.project(new ProjectId(id));
    }

    @PostMapping("/api/assistance/projects/{id}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a milestone (ADMIN, REGISTRAR)")
    Created milestone(@PathVariable UUID id, @RequestBody NewMilestone m) {
        return new Created(matching.addMilestone(new ProjectId(id), m.title(), m.dueDate()));
    }

    @PostMapping("/api/assistance/projects/{id}/milestones/{milestone}/done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a milestone done (ADMIN, REGISTRAR)")
    void milestoneDone(@PathVariable UUID id, @PathVariable UUID milestone) {
        matching.completeMilestone(new ProjectId(id), milestone);
    }

    @PostMapping("/api/assistance/projects/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an interim or final report; a final report completes the project (ADMIN, REGISTRAR)")
    ProjectDetails report(@PathVariable UUID id, @RequestBody NewReport r) {
        matching.report(new ProjectId(id), r.kind(), r.summary(), r.spent());
        return matching.project(new ProjectId(id));
    }

    @GetMapping("/api/assistance/dashboard")
    @Operation(summary = "The coordination dashboard's figures")
    Coordination.Dashboard dashboard() {
        return coordination.dashboard();
    }

    @GetMapping("/api/assistance/coordination/unmet")
    @Operation(summary = "Unmet needs (open requests) by area and region")
    List<Coordination.UnmetNeed> unmet() {
        return coordination.unmetNeeds();
    }

    @GetMapping("/api/assistance/coordination/balance")
    @Operation(summary = "Geographic balance: share of stated need against share of assistance, by region")
    List<Coordination.RegionBalance> balance() {
        return coordination.balance();
    }

    @GetMapping("/api/assistance/coordination/duplications")
    @Operation(summary = "Possible duplication: projects for the same beneficiary and area in overlapping periods")
    List<Coordination.Duplication> duplications() {
        return coordination.duplications();
    }
}
