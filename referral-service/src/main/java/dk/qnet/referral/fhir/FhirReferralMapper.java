package dk.qnet.referral.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;

/**
 * A referral as a FHIR R4 Bundle: a ServiceRequest for the aftercare and a Task that carries its
 * status, as the closed-loop referral guides (Gravity, BSeR) model it. It holds no personal
 * data, only pseudonymous ids and codes; an adviser gets the Task's status and dates only.
 */
public final class FhirReferralMapper {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String SYSTEM = "https://qnet.rodekors.dk/fhir";

    private final ObjectMapper json = new ObjectMapper();

    /** The FHIR Task.status of a referral status (docs/ARCHITECTURE.md). */
    public static String taskStatus(ReferralStatus status, StatusReason reason) {
        return switch (status) {
            case RECEIVED -> "requested";
            case ACCEPTED -> "accepted";
            case WAITLISTED -> "on-hold";
            case MATCHED, ACTIVE -> "in-progress";
            case COMPLETED -> "completed";
            case REJECTED -> "rejected";
            case WITHDRAWN -> "cancelled";
            // A match that ran its course but ended otherwise than planned still delivered support.
            case CLOSED -> reason == StatusReason.MATCH_ENDED ? "completed" : "failed";
        };
    }

    public ObjectNode bundle(Referral r, boolean statusOnly) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        bundle.put("timestamp", r.updatedAt.toString());
        ArrayNode entries = bundle.putArray("entry");
        String requestRef = "ServiceRequest/" + r.id;
        if (!statusOnly) {
            entries.addObject().put("fullUrl", "urn:uuid:" + r.id).set("resource", serviceRequest(r));
        }
        entries.addObject().put("fullUrl", "urn:uuid:task-" + r.id).set("resource", task(r, requestRef, statusOnly));
        return bundle;
    }

    private ObjectNode serviceRequest(Referral r) {
        ObjectNode sr = json.createObjectNode();
        sr.put("resourceType", "ServiceRequest");
        sr.put("id", r.id.toString());
        sr.putArray("identifier").addObject().put("system", SYSTEM + "/referral-id").put("value", r.id.toString());
        sr.put("status", r.status.isFinal() ? "completed" : "active");
        sr.put("intent", "order");
        sr.putObject("code").putArray("coding").addObject()
                .put("system", SYSTEM + "/service").put("code", "qnet-aftercare").put("display", "Qnet efterværn");
        // The woman is referred to by the pseudonymous referral id only.
        sr.putObject("subject").put("display", "Henvist person (pseudonym " + r.id + ")");
        sr.put("authoredOn", r.receivedAt.toString());
        sr.putObject("requester").putObject("identifier").put("system", SYSTEM + "/sender-type").put("value", r.senderType.name());
        if (r.networkId != null) {
            sr.putArray("performer").addObject().putObject("identifier").put("system", SYSTEM + "/network").put("value", r.networkId);
        }
        sr.putArray("locationCode").addObject().putArray("coding").addObject()
                .put("system", "urn:dk:municipality-code").put("code", r.municipalityCode);
        return sr;
    }

    private ObjectNode task(Referral r, String requestRef, boolean statusOnly) {
        ObjectNode task = json.createObjectNode();
        task.put("resourceType", "Task");
        task.put("id", "task-" + r.id);
        task.put("status", taskStatus(r.status, r.statusReason));
        if (r.statusReason != null) {
            task.putObject("statusReason").putArray("coding").addObject()
                    .put("system", SYSTEM + "/status-reason").put("code", r.statusReason.name());
        }
        task.putObject("businessStatus").putArray("coding").addObject()
                .put("system", SYSTEM + "/referral-status").put("code", r.status.name());
        task.put("intent", "order");
        if (!statusOnly) {
            task.putObject("focus").put("reference", requestRef);
        }
        task.put("authoredOn", r.receivedAt.toString());
        task.put("lastModified", r.updatedAt.toString());
        return task;
    }
}
