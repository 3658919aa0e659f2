/**
 * The fetch stage: turns a {@link org.nashra.fetch.FetchRequest} into a {@link org.nashra.fetch.FetchResult}
 * (a body with its resolved charset, "not modified", or a failure with a stable kind), bounded in time and
 * size, safe against private addresses, and polite to outlets. {@link org.nashra.fetch.HttpFetcher} is the
 * entry point; {@link org.nashra.fetch.CharsetResolver} is usable on bytes alone. HttpClient types stay here.
 */
package org.nashra.fetch;
