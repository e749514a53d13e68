package dk.qnet.referral.web;

import static dk.qnet.platform.web.PageDates.date;
import static dk.qnet.platform.web.PageDates.dateTime;

import dk.qnet.contracts.referral.AgeBand;
import dk.qnet.contracts.referral.ConsentScope;
import dk.qnet.contracts.referral.DayPeriod;
import dk.qnet.contracts.referral.Interest;
import dk.qnet.contracts.referral.Need;
import dk.qnet.platform.problem.ProblemException;
import dk.qnet.platform.web.PageTexts;
import dk.qnet.referral.ConsentMethod;
import dk.qnet.referral.PersonalData;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.ReferralStatusChange;
import dk.qnet.referral.rest.ReferralView;
import io.quarkus.qute.TemplateData;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the referral pages show, already in Danish words and Danish dates. */
final class ReferralPageViews {


    /** A value and its Danish label, for a choice on the form. */
    @TemplateData
    record Choice(String value, String label) {
    }

    /** The fixed choices of the form. */
    @TemplateData
    record FormChoices(List<Choice> languages, List<Choice> needs, List<Choice> slots, List<Choice> interests,
                       List<Choice> ageBands, List<Choice> scopes, List<Choice> methods, List<Choice> contacts) {
    }

    static final FormChoices FORM_CHOICES = new FormChoices(
            List.of("da", "en", "ar", "so", "tr", "fa", "ur", "uk", "pl", "ti", "ps", "ku").stream()
                    .map(l -> new Choice(l, PageTexts.of("language", l))).toList(),
            choices("need", Need.values()),
            slots(),
            choices("interest", Interest.values()),
            choices("ageBand", AgeBand.values()),
            choices("scope", ConsentScope.values()),
            choices("method", ConsentMethod.values()),
            choices("contact", PersonalData.PreferredContact.values()));

    private ReferralPageViews() {
    }

    static ReferralStatus status(String value) {
        try {
            return ReferralStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "unknown status");
        }
    }

    /** One line of a list: never personal data, only what the API's list shows. */
    @TemplateData
    record Row(UUID id, String status, String statusCode, String received, long waitingDays, String municipalityCode,
               String networkId, boolean unrouted) {
        static Row of(Referral r, Instant now) {
            return new Row(r.id, PageTexts.of("status", r.status), r.status.name(), dateTime(r.receivedAt),
                    r.status.isFinal() ? 0 : Duration.between(r.receivedAt, now).toDays(),
                    r.municipalityCode, r.networkId == null ? "" : r.networkId, r.unrouted);
        }
    }

    /** One step of the closed loop. */
    @TemplateData
    record Step(String status, String reason, String at, String by) {
        static Step of(ReferralStatusChange c) {
            return new Step(PageTexts.of("status", c.status), c.reason == null ? "" : PageTexts.of("reason", c.reason),
                    dateTime(c.changedAt), PageTexts.orElse("by." + c.changedBy, c.changedBy));
        }
    }

    /** The referral as the caller may see it; person is null when the caller may not see her data. */
    @TemplateData
    record Detail(UUID id, String status, String statusCode, String statusReason, String received, String updated,
                  String municipalityCode, String networkId, boolean unrouted, String moveOut, List<String> children,
                  List<String> languages, List<String> needs, List<String> slots, String ageBand, List<String> interests,
                  List<String> consent, String consentGiven, boolean erased, Person person) {

        static Detail of(ReferralView v) {
            var m = v.matching();
            return new Detail(v.id(), PageTexts.of("status", v.status()), v.status().name(),
                    v.statusReason() == null ? "" : PageTexts.of("reason", v.statusReason()),
                    dateTime(v.receivedAt()), dateTime(v.updatedAt()), v.municipalityCode(),
                    v.networkId() == null ? "" : v.networkId(), Boolean.TRUE.equals(v.unrouted()),
                    date(v.expectedMoveOutDate()),
                    v.children() == null ? List.of() : v.children().stream().map(c -> String.valueOf(c.birthYear())).toList(),
                    m == null || m.languages() == null ? List.of() : m.languages().stream().map(l -> PageTexts.of("language", l)).toList(),
                    m == null || m.needs() == null ? List.of() : m.needs().stream().map(n -> PageTexts.of("need", n)).toList(),
                    m == null || m.availability() == null ? List.of() : m.availability().stream()
                            .map(s -> PageTexts.of("day", s.day()) + " " + PageTexts.of("period", s.period())).toList(),
                    m == null || m.volunteerAgeBand() == null ? "" : PageTexts.of("ageBand", m.volunteerAgeBand()),
                    m == null || m.interests() == null ? List.of() : m.interests().stream().map(i -> PageTexts.of("interest", i)).toList(),
                    v.consent() == null || v.consent().scopes() == null ? List.of()
                            : v.consent().scopes().stream().map(s -> PageTexts.of("scope", s)).toList(),
                    v.consent() == null || v.consent().givenAt() == null ? ""
                            : dateTime(v.consent().givenAt()) + " (" + PageTexts.of("method", v.consent().method()) + ")",
                    v.erased(), v.personalData() == null ? null : Person.of(v.personalData()));
        }
    }

    /** Her contact data, only on the detail page of those who may see it (and the read is audited). */
    @TemplateData
    record Person(String name, String phone, String email, String preferredContact, String contactTimes,
                  boolean safeToLeaveMessage, boolean protectedAddress, String safetyNotes, String wishes) {
        static Person of(PersonalData p) {
            return new Person(p.firstName() + " " + p.lastName(), p.phone(), p.email() == null ? "" : p.email(),
                    PageTexts.of("contact", p.preferredContact()), p.contactTimes() == null ? "" : p.contactTimes(),
                    p.safeToLeaveMessage(), p.protectedAddress(), p.safetyNotes() == null ? "" : p.safetyNotes(),
                    p.wishes() == null ? "" : p.wishes());
        }
    }



    private static List<Choice> choices(String prefix, Enum<?>[] values) {
        List<Choice> list = new ArrayList<>();
        for (Enum<?> v : values) {
            list.add(new Choice(v.name(), PageTexts.of(prefix, v)));
        }
        return list;
    }

    private static List<Choice> slots() {
        List<Choice> list = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (DayPeriod period : DayPeriod.values()) {
                list.add(new Choice(day + ":" + period, PageTexts.of("day", day) + " " + PageTexts.of("period", period)));
            }
        }
        return list;
    }
}
