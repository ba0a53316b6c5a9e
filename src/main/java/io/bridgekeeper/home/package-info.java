/**
 * My home: a household's linked vendor accounts and devices, in one view over the link and device
 * modules' services.
 *
 * <p>Owns no tables.
 */
@ApplicationModule
package io.bridgekeeper.home;

import org.springframework.modulith.ApplicationModule;
