package dk.qnet.referral.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.referral.aftercare.AftercareView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A woman's §109 aftercare plan as FHIR R4: a Bundle of a CarePlan (the window as its period) and
 * one Goal per goal of the plan, each coded by domain and owner. It carries what the caller may
 * see of the plan and nothing else: pseudonymous ids, codes, dates, and a goal's note only where
 * the caller reads notes (that read is audited like any other).
 */
public final class FhirCarePlanMapper {

    private static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";

    private final ObjectMapper json = new ObjectMapper();

    public ObjectNode bundle(AftercareView v, Instant at) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        bundle.put("timestamp", at.toString());
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode plan = carePlan(v);
        entries.addObject().put("fullUrl", "urn:uuid:" + carePlanId(v.referralId())).set("resource", plan);
        ArrayNode goalRefs = plan.putArray("goal");
        for (AftercareView.Goal g : v.goals()) {
            String urn = "urn:uuid:" + g.id();
            goalRefs.addObject().put("reference", urn);
            entries.addObject().put("fullUrl", urn).set("resource", goal(v, g));
        }
        if (goalRefs.isEmpty()) {
            plan.remove("goal");
        }
        return bundle;
    }

    /** The CarePlan's id: a UUID made from the referral's, the same in every answer. */
    public static UUID carePlanId(UUID referralId) {
        return UUID.nameUUIDFromBytes(("qnet-careplan:" + referralId).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode carePlan(AftercareView v) {
        ObjectNode plan = json.createObjectNode();
        plan.put("resourceType", "CarePlan");
        plan.put("id", carePlanId(v.referralId()).toString());
        plan.putArray("identifier").addObject().put("system", FhirReferralMapper.SYSTEM + "/referral-id").put("value", v.referralId().toString());
        plan.putArray("basedOn").addObject().putObject("identifier")
                .put("system", FhirReferralMapper.SYSTEM + "/referral-id").put("value", v.referralId().toString());
        boolean ended = v.window() != null && v.window().closedAt() != null;
        plan.put("status", ended ? "completed" : "active");
        plan.put("intent", "plan");
        plan.putArray("category").addObject().putArray("coding").addObject()
                .put("system", FhirReferralMapper.SYSTEM + "/care-plan").put("code", "servicelov-109-aftercare")
                .put("display", "Koordinerende rådgivning, serviceloven § 109");
        plan.put("title", "Handleplan for efterværn");
        plan.set("subject", subject(v));
        if (v.window() != null) {
            plan.putObject("period").put("start", v.window().startsOn().toString()).put("end", v.window().endsOn().toString());
        }
        return plan;
    }

    private ObjectNode goal(AftercareView v, AftercareView.Goal g) {
        ObjectNode goal = json.createObjectNode();
        goal.put("resourceType", "Goal");
        goal.put("id", g.id().toString());
        goal.put("lifecycleStatus", switch (g.status()) {
            case OPEN -> "accepted";
            case IN_PROGRESS -> "active";
            case MET -> "completed";
            case DROPPED -> "cancelled";
        });
        if (g.status() == GoalStatus.IN_PROGRESS || g.status() == GoalStatus.MET) {
            goal.putObject("achievementStatus").putArray("coding").addObject().put("system", GOAL_ACHIEVEMENT)
                    .put("code", g.status() == GoalStatus.MET ? "achieved" : "in-progress");
        }
        ArrayNode category = goal.putArray("category");
        category.addObject().putArray("coding").addObject().put("system", FhirReferralMapper.SYSTEM + "/goal-domain").put("code", g.domain().name());
        ObjectNode owner = category.addObject();
        owner.putArray("coding").addObject().put("system", FhirReferralMapper.SYSTEM + "/goal-owner").put("code", g.owner().name());
        if (g.otherOffer() != null) {
            owner.put("text", g.otherOffer());
        }
        goal.putObject("description").putArray("coding").addObject()
                .put("system", FhirReferralMapper.SYSTEM + "/goal-domain").put("code", g.domain().name());
        goal.set("subject", subject(v));
        if (g.due() != null) {
            goal.putArray("target").addObject().put("dueDate", g.due().toString());
        }
        if (g.dropReason() != null) {
            goal.put("statusReason", g.dropReason().name());
        }
        if (g.updatedAt() != null) {
            goal.put("statusDate", g.updatedAt().atZone(dk.qnet.contracts.DanishTime.ZONE).toLocalDate().toString());
        }
        if (g.note() != null) {
            goal.putArray("note").addObject().put("text", g.note());
        }
        return goal;
    }

    /** She is named by the pseudonymous referral id only. */
    private ObjectNode subject(AftercareView v) {
        ObjectNode subject = json.createObjectNode();
        subject.put("display", "Henvist person (pseudonym " + v.referralId() + ")");
        return subject;
    }
}
