package cn.gov.ybj.crossprov.shared;

import java.util.Optional;

/** Full name of a GB/T 2260 code (北京市朝阳区); implemented by the reference module. */
public interface DivisionNames {

    Optional<String> name(String code);
}
