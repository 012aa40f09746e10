package coder.notifications.system;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up log a newcomer reads first: the service's own lines, with the address people use, and none of the
 * noise of the parts beneath it (a logging library's complaint, a registry without users, a class loader's
 * visibility, a connection note of several lines, endpoints advertised at the host's first interface).
 */
class StartupLogIT {

    @Test
    void theStartUpLogNamesThePublicUrlAndCarriesNoNoise() {
        // TRAS3001I lists the message ids the server hides: not noise, and not a hidden message either.
        var output = String.join(
                "\n",
                SharedService.get()
                        .output()
                        .lines()
                        .filter(line -> !line.contains("TRAS3001I"))
                        .toList());
        for (var noise : List.of("SLF4J", "CWWKS3103W", "CWWKL0008W", "J2CA0086I", "CWWKT0016I")) {
            assertFalse(output.contains(noise), noise + " in the start-up log:\n" + output);
        }
        assertTrue(
                output.contains("notifications: service ready at " + SharedService.PUBLIC_URL + " (API "
                        + SharedService.PUBLIC_URL + "/api/v2"),
                output);
    }
}
