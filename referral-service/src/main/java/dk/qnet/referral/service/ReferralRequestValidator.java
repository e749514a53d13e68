package dk.qnet.referral.service;

import dk.qnet.contracts.Municipalities;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.platform.problem.FieldError;
import dk.qnet.referral.rest.NewReferral;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Checks a new referral field by field; returns one error per invalid field, never the value. */
public final class ReferralRequestValidator {

    public static final int MAX_CHILDREN = 10;
    /** Children who come along from a shelter are minors. */
    public static final int MAX_CHILD_AGE = 18;

    private final Clock clock;

    public ReferralRequestValidator(Clock clock) {
        this.clock = clock;
    }

    public List<FieldError> validate(NewReferral request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("body", "a JSON object is required"));
            return errors;
        }
        if (request.municipalityCode() == null) {
            errors.add(new FieldError("municipalityCode", "is required"));
        } else if (!Municipalities.isValid(request.municipalityCode())) {
            errors.add(new FieldError("municipalityCode", "must be the 4-digit code of a Danish municipality"));
        }
        validateChildren(request.children(), errors);
        validateConsent(request.consent(), errors);
        return errors;
    }

    private void validateChildren(List<NewReferral.Child> children, List<FieldError> errors) {
        if (children == null) {
            return;
        }
        if (children.size() > MAX_CHILDREN) {
            errors.add(new FieldError("children", "at most " + MAX_CHILDREN + " children"));
            return;
        }
        int thisYear = Year.now(clock.withZone(ZoneId.of("Europe/Copenhagen"))).getValue();
        for (int i = 0; i < children.size(); i++) {
            NewReferral.Child child = children.get(i);
            String field = "children[" + i + "].birthYear";
            if (child == null || child.birthYear() == null) {
                errors.add(new FieldError(field, "is required"));
            } else if (child.birthYear() > thisYear || child.birthYear() < thisYear - MAX_CHILD_AGE) {
                errors.add(new FieldError(field, "must be between " + (thisYear - MAX_CHILD_AGE) + " and " + thisYear));
            }
        }
    }

    private void validateConsent(NewReferral.Consent consent, List<FieldError> errors) {
        if (consent == null) {
            errors.add(new FieldError("consent", "is required"));
            return;
        }
        if (consent.scopes() == null || !consent.scopes().contains(ConsentScope.QNET_CONTACT)) {
            errors.add(new FieldError("consent.scopes", "must include QNET_CONTACT"));
        } else if (consent.scopes().contains(null)) {
            errors.add(new FieldError("consent.scopes", "must not contain null"));
        }
        if (consent.givenAt() == null) {
            errors.add(new FieldError("consent.givenAt", "is required"));
        } else if (consent.givenAt().isAfter(Instant.now(clock).plusSeconds(300))) {
            errors.add(new FieldError("consent.givenAt", "must not be in the future"));
        }
        if (consent.method() == null) {
            errors.add(new FieldError("consent.method", "is required"));
        }
    }
}
