import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * The block's free names: a transactional `producer`, a read_committed `consumer` with auto-commit off, `enrich(value)`.
 * KafkaScenarios runs `loop` against the test broker and reads the output with a read_committed consumer.
 */
public class Snippet {
    static String enrich(String value) {
        return value + " (enriched)";
    }

    static void loop(KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer) {
//> snippet
    }
}
