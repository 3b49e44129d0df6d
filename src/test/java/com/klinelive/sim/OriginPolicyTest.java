package com.klinelive.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    @Test
    void loopbackPagesAndNonBrowserClientsAreAccepted() {
        OriginPolicy policy = new OriginPolicy(List.of());
        assertTrue(policy.allows(null));
        assertTrue(policy.allows("http://localhost:8080"));
        assertTrue(policy.allows("http://127.3.2.1"));
        assertTrue(policy.allows("https://[::1]:9000"));
    }

    @Test
    void otherOriginsAreRefusedUnlessAllowed() {
        OriginPolicy policy = new OriginPolicy(List.of("https://demo.example"));
        assertFalse(policy.allows("https://evil.example"));
        assertFalse(policy.allows("http://127.0.0.1.evil.example"));
        assertFalse(policy.allows("file://localhost/x.html"));
        assertFalse(policy.allows("null"));
        assertFalse(policy.allows("not a url"));
        assertTrue(policy.allows("https://demo.example"));
        assertFalse(policy.allows("http://demo.example"), "the scheme is part of the origin");
    }

    @Test
    void aStarAllowsEveryOrigin() {
        assertTrue(new OriginPolicy(List.of("*")).allows("https://anything.example"));
    }
}
