package io.localpack.testsupport;

import java.util.UUID;

/**
 * Well-known rows of the bundled fixtures (db/fixtures/*.sql), named once for every test. Ids are strings because
 * most tests put them in URLs; the {@code _ID} variants are for code that takes a {@link UUID}.
 */
public final class Fixtures {

    // 10_vmm.sql: subscriptions
    public static final String FABRIKAM = "86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06";
    public static final UUID FABRIKAM_ID = UUID.fromString(FABRIKAM);
    public static final String CONTOSO = "2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21";
    public static final UUID CONTOSO_ID = UUID.fromString(CONTOSO);

    // 10_vmm.sql: stamps
    public static final String WEST_STAMP = "56ebc6dc-f63c-46e2-8438-2967e0ad83bc";
    public static final UUID WEST_STAMP_ID = UUID.fromString(WEST_STAMP);
    public static final String EAST_STAMP = "d70c1a9b-c241-48f5-880a-b6c36071e653";
    public static final UUID EAST_STAMP_ID = UUID.fromString(EAST_STAMP);

    // 10_vmm.sql: services (both Fabrikam's)
    public static final String GATEWAY_SERVICE = "8a8b4ce5-67f2-4e2a-b31e-52f9cd8462a3";
    public static final String WEB_STORE_SERVICE = "16a3df7e-55a6-4edd-b34f-15c712d32b8b";

    // 10_vmm.sql: clouds
    public static final String FABRIKAM_CLOUD = "d1f15abc-672d-464b-b3bc-376d2087bb8e";
    public static final String FABRIKAM_EAST_CLOUD = "3a9e6c52-8f1b-4d7e-b0a4-5c2d9e1f7a30";
    public static final String CONTOSO_CLOUD = "7c4b2e19-6d3a-4f85-9e21-b8a0c3d4e5f6";

    // 10_vmm.sql: service templates; releases of one family share a name on a stamp
    /** "Network Gateway" 1.0 on the west stamp. */
    public static final String GATEWAY_TEMPLATE_1 = "20a730c8-228a-4d6a-9a8f-6506b21236a9";
    /** "Network Gateway" 2.0 on the west stamp. */
    public static final String GATEWAY_TEMPLATE_2 = "4b1e8f2a-7c3d-4e5f-a6b7-c8d9e0f1a2b3";
    /** "SQL-backed Website" 2.0 on the east stamp. */
    public static final String WEBSITE_TEMPLATE_2 = "9ca89b67-bc28-49f4-8b95-b2d4c4063cfe";
    /** "Web Farm" 1.0 on the west stamp. */
    public static final String WEB_FARM_TEMPLATE = "6f2d4b8e-1a3c-4e5f-9b7d-0c2e4a6f8b1d";

    // 20_asm.sql: Fabrikam's cloud service and its two deployments
    public static final String ASM_SERVICE = "fabrikam-web";
    public static final String ASM_PRODUCTION_DEPLOYMENT = "fabrikam-web-prod";
    public static final String ASM_STAGING_DEPLOYMENT = "fabrikam-web-stage";

    // 40_subscription_api.sql: plans, add-ons, the third subscription and each subscription's co-admin
    /** Public, no per-account limit; Fabrikam and Contoso subscribe to it. */
    public static final String GOLD_PLAN = "Goldpn7k2xq4f";
    /** Private: tenants neither see nor subscribe to it. */
    public static final String PILOT_PLAN = "Pilotr8d1m5zt";
    /** Public, one subscription per account; Northwind's account holds it. */
    public static final String STARTER_PLAN = "Starterw3c6v9";
    public static final String NORTHWIND = "5b8e2c4a-1d3f-4e6a-9b7c-2d4f6a8c0e1b";
    /** Public add-on of Gold, at most two per subscription; Fabrikam holds one. */
    public static final String EXTRA_VMS_ADD_ON = "ExtraVMsaoq2w7k1";
    public static final String PILOT_ADD_ON = "PilotAOx9n4b6";

    private Fixtures() {
    }
}
