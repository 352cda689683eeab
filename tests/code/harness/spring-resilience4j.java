import io.github.resilience4j.bulkhead.annotation.Bulkhead;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/** The block's free name: the `Stock` the inventory service returns. */
record Stock(String sku, Integer quantity) {
    static Stock unknown(String sku) {
        return new Stock(sku, null);
    }
}

//> snippet
