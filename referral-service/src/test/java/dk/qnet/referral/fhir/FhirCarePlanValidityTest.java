package dk.qnet.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.qnet.contracts.aftercare.DropReason;
import dk.qnet.contracts.aftercare.ExtensionReason;
import dk.qnet.contracts.aftercare.GoalDomain;
import dk.qnet.contracts.aftercare.GoalOwner;
import dk.qnet.contracts.aftercare.GoalStatus;
import dk.qnet.referral.ReferralStatus;
import dk.qnet.referral.aftercare.AftercareView;
import dk.qnet.referral.aftercare.AftercareWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every CarePlan Bundle the aftercare's FHIR view can answer is valid FHIR R4, and holds only what the view held. */
class FhirCarePlanValidityTest {

    static AftercareView view(boolean movedOut, boolean closed, List<AftercareView.Goal> goals) {
        LocalDate start = LocalDate.of(2026, 8, 31);
        AftercareView.Window window = !movedOut ? null : new AftercareView.Window(start, start.plusMonths(9), start.plusMonths(6),
                start.plusMonths(12), 40, closed ? AftercareWindow.State.ENDED : AftercareWindow.State.OPEN,
                new AftercareView.Extension(start.plusMonths(9), ExtensionReason.HOUSING_NOT_SETTLED, Instant.now(), "adviser"),
                closed ? Instant.now() : null, closed);
        return new AftercareView(UUID.randomUUID(), "0461", ReferralStatus.ACTIVE, start, movedOut ? start : null, window, null, false,
                null, goals, 3);
    }

    static AftercareView.Goal goal(GoalStatus status, GoalOwner owner, String note) {
        return new AftercareView.Goal(UUID.randomUUID(), GoalDomain.CHILDREN, owner, owner == GoalOwner.OTHER_OFFER ? "Mødrehjælpen" : null,
                LocalDate.of(2027, 1, 15), status, status == GoalStatus.DROPPED ? DropReason.SHE_DECLINED : null, note, Instant.now(), 2);
    }

    @Test
    void everyCarePlanValidates() {
        FhirCarePlanMapper mapper = new FhirCarePlanMapper();
        List<String> errors = new ArrayList<>();
        List<AftercareView.Goal> goals = new ArrayList<>();
        for (GoalStatus status : GoalStatus.values()) {
            for (GoalOwner owner : GoalOwner.values()) {
                goals.add(goal(status, owner, owner == GoalOwner.ADVISER ? "En note" : null));
            }
        }
        for (boolean movedOut : new boolean[] {false, true}) {
            for (boolean closed : new boolean[] {false, true}) {
                if (closed && !movedOut) {
                    continue;
                }
                for (List<AftercareView.Goal> some : List.of(goals, List.<AftercareView.Goal>of())) {
                    ObjectNode bundle = mapper.bundle(view(movedOut, closed, some), Instant.now());
                    assertEquals(1 + some.size(), bundle.path("entry").size());
                    FhirValidation.errors(bundle.toString()).forEach(e -> errors.add((movedOut ? "moved out" : "before") + (closed ? ", closed" : "")
                            + ", " + some.size() + " goals: " + e));
                }
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theBundleHoldsNoMoreThanTheView() {
        AftercareView v = view(true, false, List.of(goal(GoalStatus.MET, GoalOwner.QNET, null)));
        String bundle = new FhirCarePlanMapper().bundle(v, Instant.now()).toString();
        assertTrue(bundle.contains("\"start\":\"2026-08-31\"") && bundle.contains("\"end\":\"2027-05-31\""), bundle);
        assertTrue(bundle.contains("achieved"), bundle);
        assertFalse(bundle.contains("\"note\""), "no note where the view had none");
    }
}
