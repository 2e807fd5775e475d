package cn.gov.ybj.crossprov.identity;

/** Role names as used in {@code @RolesAllowed} and {@code hasRole(..)}. */
public final class Roles {
    public static final String INSURED = "INSURED";
    public static final String CLERK = "CLERK";
    public static final String OFFICER = "OFFICER";
    public static final String REVIEWER = "REVIEWER";
    public static final String COUNTER = "COUNTER";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String CLEARING = "CLEARING";
    public static final String PREPAYMENT = "PREPAYMENT";
    public static final String FINANCE = "FINANCE";
    public static final String HOSPITAL = "HOSPITAL";
    /** members of the Keycloak group {@code process-admins} in the clerks realm */
    public static final String PROCESS_ADMIN = "PROCESS_ADMIN";

    private Roles() {
    }
}
