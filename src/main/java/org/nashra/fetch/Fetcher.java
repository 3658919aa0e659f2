package org.nashra.fetch;

/** The fetch stage's entry point. Implementations never throw for network or server trouble. */
public interface Fetcher extends AutoCloseable {

    FetchResult fetch(FetchRequest request);

    @Override
    default void close() {}
}
