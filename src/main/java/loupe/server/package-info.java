/**
 * The HTTP API and the browser UI's host (Javalin): search, documents, suggestions, health and the
 * OpenAPI document, with one place that turns failures into JSON errors.
 *
 * <p>Reads from the facade {@code loupe.Loupe}. Feeds HTTP clients and the pages in {@code web/}.
 */
package loupe.server;
