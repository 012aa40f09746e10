/**
 * Templates: what each event says. The store reads the seeded templates and routes them to a delivery method;
 * the renderer turns a template and an event's labels into Markdown, plain text and HTML, where label values
 * are always data and never markup.
 */
package coder.notifications.templates;
