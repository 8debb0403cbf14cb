package io.localpack.domain;

/**
 * Rows a feature keeps in memory for a moment and writes in batches (today: the ASM records of reads). The control
 * plane asks for them to be written before it reads, copies or replaces the whole state, so that a reset, a snapshot
 * or a row count sees every request answered before it, and no row written later outlives a reset.
 */
public interface PendingWrites {

    /** Writes what is pending now and returns when it is in the database. */
    void flush();
}
