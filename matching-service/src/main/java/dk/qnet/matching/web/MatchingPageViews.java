package dk.qnet.matching.web;

import static dk.qnet.platform.web.PageDates.date;

import dk.qnet.matching.attention.AttentionService;
import dk.qnet.matching.engine.Explanation;
import dk.qnet.matching.match.MatchService;
import dk.qnet.matching.match.MatchStatus;
import dk.qnet.matching.proposal.MatchingRunService;
import dk.qnet.matching.volunteer.Volunteer;
import dk.qnet.platform.web.PageTexts;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the matching pages show, in Danish words and dates. A woman appears only as a short case number. */
final class MatchingPageViews {

    private MatchingPageViews() {
    }

    /** The first 8 characters of the referral id: enough to tell cases apart on a board. */
    static String shortCase(UUID referralId) {
        return referralId == null ? "" : referralId.toString().substring(0, 8);
    }


    @TemplateData
    record Point(String text, int points) {
    }

    @TemplateData
    record Check(String text, boolean passed) {
    }

    /** A proposal and why: the points behind the score and the constraints checked. */
    @TemplateData
    record ProposalCard(UUID id, UUID referralId, String caseNumber, String volunteer, int score, List<Point> points,
                        List<Check> checks, String status, String created) {
        static ProposalCard of(MatchingRunService.ProposalView p) {
            Explanation e = p.explanation();
            return new ProposalCard(p.id(), p.referralId(), shortCase(p.referralId()), p.volunteerFirstName(), p.score(),
                    e == null ? List.of() : e.components().stream().map(c -> new Point(c.text(), c.points())).toList(),
                    e == null ? List.of() : e.checks().stream().map(c -> new Check(c.text(), c.passed())).toList(),
                    PageTexts.of("proposal", p.status().name()), date(p.createdAt()));
        }
    }

    @TemplateData
    record MatchCard(UUID id, UUID referralId, String caseNumber, String volunteer, String status, MatchStatus statusCode, int score,
                     String offeredOn, String startedOn, String lastMeeting) {
        static MatchCard of(MatchService.MatchView m, Map<UUID, String> volunteerNames) {
            return new MatchCard(m.id(), m.referralId(), shortCase(m.referralId()), volunteerNames.getOrDefault(m.volunteerId(), ""),
                    PageTexts.of("match", m.status().name()), m.status(), m.score(), date(m.offeredAt()),
                    date(m.startedAt() != null ? m.startedAt() : m.acceptedAt()), date(m.lastMeetingOn()));
        }

        public boolean offered() {
            return statusCode == MatchStatus.OFFERED;
        }

        public boolean running() {
            return statusCode.running();
        }
    }

    @TemplateData
    record AttentionItem(String text, String anchor) {
    }

    @TemplateData
    record AttentionView(List<AttentionItem> quiet, List<AttentionItem> waits, List<AttentionItem> certificates,
                         List<AttentionItem> offers) {
        static AttentionView of(AttentionService.Attention a) {
            return new AttentionView(
                    a.noRecentMeeting().stream().map(q -> new AttentionItem(PageTexts.f("attention.quiet",
                            q.volunteerFirstName() + " (" + q.days() + ")"), "match-" + q.matchId())).toList(),
                    a.longWaits().stream().map(w -> new AttentionItem(PageTexts.f("attention.wait",
                            shortCase(w.referralId()) + " (" + w.days() + ")"), "")).toList(),
                    a.certificates().stream().map(c -> new AttentionItem(PageTexts.f(c.expired() ? "attention.expired" : "attention.expires",
                            c.volunteerFirstName() + " (" + date(c.validUntil()) + ")")
                            + (c.flaggedMatches().isEmpty() ? "" : " " + PageTexts.f("attention.flagged", c.flaggedMatches().size())), "")).toList(),
                    a.unansweredOffers().stream().map(o -> new AttentionItem(PageTexts.f("attention.offer",
                            o.volunteerFirstName() + " (" + o.days() + ")"), "match-" + o.matchId())).toList());
        }

        public boolean empty() {
            return quiet.isEmpty() && waits.isEmpty() && certificates.isEmpty() && offers.isEmpty();
        }
    }

    @TemplateData
    record VolunteerRow(UUID id, String name, String networkId, String status, String trained, String certificate,
                        boolean certificateSoon, int capacity, String languages) {
        static VolunteerRow of(Volunteer v, LocalDate today) {
            boolean soon = v.certificateValidUntil != null
                    && !v.certificateValidUntil.isAfter(today.plusDays(AttentionService.CERTIFICATE_WARNING_DAYS));
            return new VolunteerRow(v.id, v.firstName, v.networkId, PageTexts.of("volunteer", v.status),
                    date(v.trainingCompletedOn), date(v.certificateValidUntil), soon, v.capacity,
                    v.languages == null ? "" : String.join(", ", v.languages));
        }
    }
}
