import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** The block's free names: a subscribed `consumer` of String keys and values, and `process(record)`. */
public class Snippet {
    static void process(ConsumerRecord<String, String> record) {
        System.out.println(record.value());
    }

    static void run(KafkaConsumer<String, String> consumer) {
//> snippet
    }
}
