/**
 * The service's REST API as typed JAX-RS interfaces, for the tests that call it from outside (MicroShed Testing
 * proxies them with {@code @RESTClient}). Each interface carries the JSON shapes of its answers as records named
 * by the wire's snake_case fields, so a test reads as a call of the API. An error answer arrives as the JAX-RS
 * exception of its status ({@code BadRequestException}, {@code NotFoundException}, ...), its body an {@link Problem}.
 * Where the status itself is the point (a 202, 204 or 304), a method answers a {@code Response}, whatever its status.
 */
package coder.notifications.client;
