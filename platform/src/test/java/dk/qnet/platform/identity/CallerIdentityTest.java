package dk.qnet.platform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The tenant rules written once: who manages a network, who sends as which organisation, what the audit records. */
class CallerIdentityTest {

    @Test
    void anAdministratorManagesEveryNetworkAndACoordinatorOnlyHerOwn() {
        assertTrue(caller(Roles.ADMIN, Map.of()).managesNetwork("net-odense"));
        CallerIdentity coordinator = caller(Roles.COORDINATOR, Map.of(Roles.NETWORK_CLAIM, "net-odense"));
        assertTrue(coordinator.managesNetwork("net-odense"));
        assertFalse(coordinator.managesNetwork("net-aarhus"));
        assertFalse(coordinator.managesNetwork(null));
    }

    @Test
    void aNetworkClaimWithoutTheCoordinatorRoleManagesNothing() {
        assertFalse(caller(Roles.SHELTER, Map.of(Roles.NETWORK_CLAIM, "net-odense", Roles.ORG_ID_CLAIM, "shelter-odense"))
                .managesNetwork("net-odense"));
        assertFalse(caller(Roles.COORDINATOR, Map.of()).managesNetwork("net-odense"));
    }

    @Test
    void aShelterSendsAsItsOrganisationAndAnAdviserAsHerMunicipality() {
        assertEquals(Optional.of("shelter-odense"), caller(Roles.SHELTER, Map.of(Roles.ORG_ID_CLAIM, "shelter-odense")).senderOrg());
        assertEquals(Optional.of("municipality:0461"), caller(Roles.ADVISER, Map.of(Roles.MUNICIPALITY_CLAIM, "0461")).senderOrg());
        assertEquals(Optional.empty(), caller(Roles.COORDINATOR, Map.of(Roles.NETWORK_CLAIM, "net-odense")).senderOrg());
        assertEquals(Optional.empty(), caller(Roles.SHELTER, Map.of()).senderOrg());
    }

    @Test
    void theAuditRecordsTheRoleAndItsTenant() {
        assertEquals(new CallerIdentity.Tenant(Roles.ADMIN, null), caller(Roles.ADMIN, Map.of()).tenant());
        assertEquals(new CallerIdentity.Tenant(Roles.COORDINATOR, "net-odense"),
                caller(Roles.COORDINATOR, Map.of(Roles.NETWORK_CLAIM, "net-odense")).tenant());
        assertEquals(new CallerIdentity.Tenant(Roles.SHELTER, "shelter-odense"),
                caller(Roles.SHELTER, Map.of(Roles.ORG_ID_CLAIM, "shelter-odense")).tenant());
        assertEquals(new CallerIdentity.Tenant(Roles.ADVISER, "0461"), caller(Roles.ADVISER, Map.of(Roles.MUNICIPALITY_CLAIM, "0461")).tenant());
        assertEquals(new CallerIdentity.Tenant("unknown", null), caller(Roles.ANALYST, Map.of()).tenant());
    }

    private static CallerIdentity caller(String role, Map<String, String> claims) {
        Map<String, String> withSubject = new java.util.HashMap<>(claims);
        withSubject.putIfAbsent("sub", "subject-1");
        return CallerIdentity.of(role, withSubject);
    }
}
