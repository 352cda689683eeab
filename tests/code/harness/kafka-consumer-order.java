import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;

/** The block's free names: a `consumer` whose values deserialize to `Order`, and `process(records)`. */
public class Snippet {
    record Order(String id) {
    }

    static void process(ConsumerRecords<String, Order> records) {
        records.forEach(r -> System.out.println(r.value()));
    }

    static void run(KafkaConsumer<String, Order> consumer) {
//> snippet
    }
}
