/**
 * Answers to reads given again while the data they show has not changed (issue 20, target 2). The data version
 * ({@link io.localpack.readcache.DataVersion}) counts the committed transactions that may have written anything,
 * noticed at the JDBC connection so that no write path (JPA, JDBC, jobs, fixtures, reset, snapshots) can miss it;
 * {@link io.localpack.readcache.ReusableAnswers} keeps a read's status, headers and bytes under that version and
 * gives them to the same request while the version stands. On PostgreSQL the version is a sequence every instance
 * moves and reads, so a write on one instance is seen by the next read on another. Uses no other room.
 */
package io.localpack.readcache;
