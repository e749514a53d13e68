package dk.qnet.referral.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.referral.Referral;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.StatusReason;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A referral as a FHIR R4 Bundle: a ServiceRequest for the aftercare and a Task that carries its
 * status, as the closed-loop referral guides (Gravity, BSeR) model it. It holds no personal
 * data, only pseudonymous ids and codes; an adviser gets the Task's status and dates only.
 */
public final class FhirReferralMapper {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String SYSTEM = "https://qnet.rodekors.dk/fhir";
    /** HL7 Denmark's code system for the municipalities (DK Core), whose codes are ours. */
    static final String MUNICIPALITY_SYSTEM = "http://hl7.dk/fhir/core/CodeSystem/dk-core-municipality-codes";

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

    /** FHIR's issue type (http://hl7.org/fhir/R4/valueset-issue-type.html) for an HTTP status. */
    public static String issueType(int status) {
        return switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409, 412 -> "conflict";
            case 429 -> "throttled";
            default -> status >= 500 ? "exception" : "processing";
        };
    }

    public ObjectNode bundle(Referral r, boolean statusOnly) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        bundle.put("timestamp", r.updatedAt.toString());
        ArrayNode entries = bundle.putArray("entry");
        // Each entry is named by a UUID URN, and the Task points at the ServiceRequest by that name,
        // so the reference resolves inside the Bundle.
        String requestUrn = "urn:uuid:" + r.id;
        if (!statusOnly) {
            entries.addObject().put("fullUrl", requestUrn).set("resource", serviceRequest(r));
        }
        entries.addObject().put("fullUrl", "urn:uuid:" + taskId(r.id)).set("resource", task(r, requestUrn, statusOnly));
        return bundle;
    }

    /** The Task's id: a UUID made from the referral's, so it is the same in every answer. */
    public static UUID taskId(UUID referralId) {
        return UUID.nameUUIDFromBytes(("qnet-task:" + referralId).getBytes(StandardCharsets.UTF_8));
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
                .put("system", MUNICIPALITY_SYSTEM).put("code", r.municipalityCode);
        return sr;
    }

    private ObjectNode task(Referral r, String requestUrn, boolean statusOnly) {
        ObjectNode task = json.createObjectNode();
        task.put("resourceType", "Task");
        task.put("id", taskId(r.id).toString());
        task.put("status", taskStatus(r.status, r.statusReason));
        if (r.statusReason != null) {
            task.putObject("statusReason").putArray("coding").addObject()
                    .put("system", SYSTEM + "/status-reason").put("code", r.statusReason.name());
        }
        task.putObject("businessStatus").putArray("coding").addObject()
                .put("system", SYSTEM + "/referral-status").put("code", r.status.name());
        task.put("intent", "order");
        if (!statusOnly) {
            task.putObject("focus").put("reference", requestUrn);
        }
        task.put("authoredOn", r.receivedAt.toString());
        task.put("lastModified", r.updatedAt.toString());
        return task;
    }
}
