/**
 * The admin's overview page, over the other modules' services.
 *
 * <p>Owns no tables.
 */
@ApplicationModule
package io.bridgekeeper.overview;

import org.springframework.modulith.ApplicationModule;
