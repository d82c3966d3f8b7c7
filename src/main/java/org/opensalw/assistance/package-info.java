/**
 * Cooperation and assistance (report on resolutions 76/32 and 76/232, section IV): national reports whose needs
 * become assistance requests, offers of donors and UN entities, ranked matching, projects, coordination views,
 * funding calls (UNSCAR, Saving Lives Entity) with eligibility, review and selection, voluntary targets and
 * baseline assessments. Runs on a hub node; a national node uses it to prepare its reports and requests.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "reference", "identity"})
package org.opensalw.assistance;
