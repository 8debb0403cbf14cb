package io.localpack.vmm.odata;

import org.apache.olingo.server.api.ODataApplicationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs reads in a read-only transaction, letting OData errors through as they are. */
@Component
public class ReadTransactions {

    /** A read that may refuse the request. */
    public interface ReadWork<T> {
        T run() throws ODataApplicationException;
    }

    private final TransactionTemplate readTransaction;

    public ReadTransactions(PlatformTransactionManager transactionManager) {
        this.readTransaction = new TransactionTemplate(transactionManager);
        this.readTransaction.setReadOnly(true);
    }

    public <T> T run(ReadWork<T> work) throws ODataApplicationException {
        try {
            return readTransaction.execute(status -> {
                try {
                    return work.run();
                } catch (ODataApplicationException e) {
                    throw new WrappedODataException(e);
                }
            });
        } catch (WrappedODataException e) {
            throw e.cause;
        }
    }

    private static final class WrappedODataException extends RuntimeException {
        private final ODataApplicationException cause;

        WrappedODataException(ODataApplicationException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
