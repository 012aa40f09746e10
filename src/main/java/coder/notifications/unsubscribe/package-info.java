/**
 * One-click unsubscribe without signing in (SPEC 11, RFC 8058): signed tokens that name one user and one
 * template, the links built on the public URL, and the page that asks on GET and turns the template off on POST.
 */
package coder.notifications.unsubscribe;
