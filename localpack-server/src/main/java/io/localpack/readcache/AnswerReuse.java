package io.localpack.readcache;

/**
 * What the code answering one request says about giving its answer again: allowed for a read whose answer depends
 * only on the request and the data, forbidden when the read itself had an effect (a status read that moves a job).
 */
public final class AnswerReuse {

    private boolean allowed;
    private boolean forbidden;

    /** The answer depends on nothing but the request and the data. */
    public void allow() {
        allowed = true;
    }

    /** The answer must not be given again (wins over {@link #allow()}). */
    public void forbid() {
        forbidden = true;
    }

    boolean allowed() {
        return allowed && !forbidden;
    }
}
