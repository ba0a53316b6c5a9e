package io.bridgekeeper.webhook;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The webhook settings; the sweep's once-across-nodes lock comes from {@code base.cluster.SchedulingLocks}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {
}
