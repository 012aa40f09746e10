/**
 * Who is signed in to the pages: sessions kept in PostgreSQL (any replica serves any page), sign-in with the
 * organisation's OpenID Connect provider (authorization code with PKCE), the evaluation mode's one-time sign-in
 * link, sign-out, and the filter that sends strangers to sign in and checks every change's CSRF token.
 */
package coder.notifications.signin;
