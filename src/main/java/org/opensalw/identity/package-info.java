/**
 * Who may do what: users and their roles, form login and API tokens, each user's language, and the audit
 * trail of every write and every read of personal data. Every other module asks {@link org.opensalw.identity.CurrentUser}
 * who is acting and records through {@link org.opensalw.identity.AuditTrail}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.opensalw.identity;
