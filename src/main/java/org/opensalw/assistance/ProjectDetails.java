package org.opensalw.assistance;

import java.util.List;

public record ProjectDetails(Project project, List<Milestone> milestones, List<ProgressReport> reports) {
}
