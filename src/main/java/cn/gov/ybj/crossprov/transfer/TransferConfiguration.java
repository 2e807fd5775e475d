package cn.gov.ybj.crossprov.transfer;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(TransferSettings.class)
class TransferConfiguration {
}
