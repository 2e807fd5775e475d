/**
 * Value types and guards every module uses: ID numbers (GB 11643), region codes (GB/T 2260), money, the time zone, masking, input hardening, the log event counter. Depends on nothing.
 */
@ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package cn.gov.ybj.crossprov.shared;

import org.springframework.modulith.ApplicationModule;
