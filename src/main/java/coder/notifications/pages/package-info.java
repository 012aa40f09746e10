/**
 * The pages for people: the preference center and the deployment console, servlets that render Pebble
 * templates ({@code src/main/resources/pages}) with escaping always on, and the headers every page is sent with.
 */
package coder.notifications.pages;
