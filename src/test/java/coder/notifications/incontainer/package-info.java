/**
 * What the in-container tests share: the deployment (the real WAR, with the test classes added), a notifier that
 * stays idle so that a test leases by itself, a clock a test moves, and SQL access through the container's data
 * source. The tests themselves live in the package of what they test ({@code messages}, {@code enqueue},
 * {@code dispatch}, {@code database}) and end in {@code InContainerIT}.
 */
package coder.notifications.incontainer;
