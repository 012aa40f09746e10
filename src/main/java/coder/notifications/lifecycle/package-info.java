/**
 * The life of one replica: at start-up every setting is validated and the schema migrated before anything else
 * runs ({@link coder.notifications.lifecycle.ServiceReady} then tells the rest); a start-up that cannot succeed
 * stops the process with a message naming the cause; shutdown stops the built-in database last.
 */
package coder.notifications.lifecycle;
