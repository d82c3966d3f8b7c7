package org.opensalw.assistance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensalw.assistance.Assessment;
import org.opensalw.assistance.AssessmentId;
import org.opensalw.assistance.BaselineAssessments;
import org.opensalw.assistance.CallId;
import org.opensalw.assistance.FundingCall;
import org.opensalw.assistance.FundingCalls;
import org.opensalw.assistance.Instrument;
import org.opensalw.assistance.NationalReport;
import org.opensalw.assistance.NationalReportId;
import org.opensalw.assistance.NationalReports;
import org.opensalw.assistance.NewCall;
import org.opensalw.assistance.NewProposal;
import org.opensalw.assistance.ProgressReport;
import org.opensalw.assistance.Proposal;
import org.opensalw.assistance.ProposalId;
import org.opensalw.assistance.ReportKind;
import org.opensalw.assistance.RequestId;
import org.opensalw.assistance.Selection;
import org.opensalw.assistance.Target;
import org.opensalw.assistance.TargetId;
import org.opensalw.assistance.VoluntaryTargets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assistance: planning and funding", description = "National reports, funding calls (UNSCAR, Saving Lives Entity), voluntary targets and baseline assessments (issue 6)")
class PlanningApi {

    record NewNationalReport(String country, Instrument instrument, int year, List<NationalReport.Section> sections) {
    }

    record NewReport(ReportKind kind, String summary, BigDecimal spent) {
    }

    record NewTarget(String scope, String owner, String roadmap, String goal, String indicator, int baselineYear,
            BigDecimal baselineValue, BigDecimal targetValue, LocalDate targetDate) {
    }

    record NewProgress(String period, BigDecimal value, String note) {
    }

    record NewAssessment(String country, String title) {
    }

    private final NationalReports reports;
    private final FundingCalls calls;
    private final VoluntaryTargets targets;
    private final BaselineAssessments assessments;

    PlanningApi(NationalReports reports, FundingCalls calls, VoluntaryTargets targets, BaselineAssessments assessments) {
        this.reports = reports;
        this.calls = calls;
        this.targets = targets;
        this.assessments = assessments;
    }

    @GetMapping("/api/assistance/national-reports")
    @Operation(summary = "National reports on the PoA and ITI, by area")
    List<NationalReport> nationalReports() {
        return reports.reports();
    }

    @PostMapping("/api/assistance/national-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a national report (ADMIN, REGISTRAR)")
    NationalReport draftReport(@RequestBody NewNationalReport r) {
        return reports.report(reports.draft(r.country(), r.instrument(), r.year(), r.sections() == null ? List.of() : r.sections()));
    }

    @PostMapping("/api/assistance/national-reports/{id}/submit")
    @Operation(summary = "Submit a report: each stated need becomes an assistance request (ADMIN, REGISTRAR)")
    List<RequestId> submitReport(@PathVariable UUID id) {
        return reports.submit(new NationalReportId(id));
    }

    @GetMapping("/api/assistance/calls")
    @Operation(summary = "Funding calls")
    List<FundingCall> calls() {
        return calls.calls();
    }

    @PostMapping("/api/assistance/calls")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a call with its priorities and balance constraint (ADMIN, REGISTRAR)")
    FundingCall open(@RequestBody NewCall call) {
        return calls.call(calls.open(call));
    }

    @GetMapping("/api/assistance/calls/{id}/proposals")
    @Operation(summary = "Proposals of a call, with eligibility findings and reviewed value")
    List<Proposal> proposals(@PathVariable UUID id) {
        return calls.proposals(new CallId(id));
    }

    @PostMapping("/api/assistance/calls/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a proposal to an open call; eligibility is checked against the mechanism's rules (ADMIN, REGISTRAR)")
    Proposal submit(@PathVariable UUID id, @RequestBody NewProposal proposal) {
        return calls.proposal(new CallId(id), calls.submit(new CallId(id), proposal));
    }

    @PostMapping("/api/assistance/calls/{id}/proposals/{proposal}/reviews")
    @Operation(summary = "The caller's review scores (0-10) by criterion code, while the call is open; a review scores every criterion of the call, a revision only those it changes (ADMIN, REGISTRAR)")
    Proposal review(@PathVariable UUID id, @PathVariable UUID proposal, @RequestBody Map<String, Integer> scores) {
        calls.review(new CallId(id), new ProposalId(proposal), scores);
        return calls.proposal(new CallId(id), new ProposalId(proposal));
    }

    @PostMapping("/api/assistance/calls/{id}/selection")
    @Operation(summary = "Select proposals maximising reviewed value within budget and balance constraints, with reasons; made once, it moves the call from OPEN to SELECTED (ADMIN, REGISTRAR)")
    Selection select(@PathVariable UUID id) {
        return calls.select(new CallId(id));
    }

    @GetMapping("/api/assistance/calls/{id}/proposals/{proposal}/reports")
    @Operation(summary = "Interim and final reports of a selected proposal")
    List<ProgressReport> proposalReports(@PathVariable UUID id, @PathVariable UUID proposal) {
        return calls.reports(new ProposalId(proposal));
    }

    @PostMapping("/api/assistance/calls/{id}/proposals/{proposal}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File an interim or final report of a selected proposal (ADMIN, REGISTRAR)")
    List<ProgressReport> proposalReport(@PathVariable UUID id, @PathVariable UUID proposal, @RequestBody NewReport r) {
        calls.report(new CallId(id), new ProposalId(proposal), r.kind(), r.summary(), r.spent());
        return calls.reports(new ProposalId(proposal));
    }

    @GetMapping("/api/assistance/targets")
    @Operation(summary = "Voluntary targets with their semi-annual progress, optionally of one roadmap")
    List<Target> targets(@RequestParam(required = false) String roadmap) {
        return targets.targets(roadmap);
    }

    @PostMapping("/api/assistance/targets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set a voluntary national or regional target (ADMIN, REGISTRAR)")
    Target setTarget(@RequestBody NewTarget t) {
        return targets.target(targets.set(t.scope(), t.owner(), t.roadmap(), t.goal(), t.indicator(), t.baselineYear(),
                t.baselineValue(), t.targetValue(), t.targetDate()));
    }

    @PostMapping("/api/assistance/targets/{id}/progress")
    @Operation(summary = "Record progress for a half-year, e.g. 2025-H1 (ADMIN, REGISTRAR)")
    Target progress(@PathVariable UUID id, @RequestBody NewProgress p) {
        targets.recordProgress(new TargetId(id), p.period(), p.value(), p.note());
        return targets.target(new TargetId(id));
    }

    @GetMapping("/api/assistance/assessments/questions")
    @Operation(summary = "The baseline assessment questionnaire, by area")
    List<Assessment.Question> questions() {
        return assessments.questions();
    }

    @GetMapping("/api/assistance/assessments")
    @Operation(summary = "Baseline assessments with their scores by area")
    List<Assessment> assessments() {
        return assessments.assessments();
    }

    @PostMapping("/api/assistance/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a baseline assessment (ADMIN, REGISTRAR)")
    Assessment start(@RequestBody NewAssessment a) {
        return assessments.assessment(assessments.start(a.country(), a.title()));
    }

    @PostMapping("/api/assistance/assessments/{id}/answers")
    @Operation(summary = "Answer questions, 0-3 by question code (ADMIN, REGISTRAR)")
    Assessment answer(@PathVariable UUID id, @RequestBody Map<String, Integer> answers) {
        assessments.answer(new AssessmentId(id), answers);
        return assessments.assessment(new AssessmentId(id));
    }

    @PostMapping("/api/assistance/assessments/{id}/score")
    @Operation(summary = "Score the assessment once every question is answered; each gap becomes a draft assistance request (ADMIN, REGISTRAR)")
    List<RequestId> score(@PathVariable UUID id) {
        return assessments.score(new AssessmentId(id));
    }
}
