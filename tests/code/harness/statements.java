import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Plain JDK statements, run inside a method. */
public class Snippet {
    static ThreadPoolExecutor run() {
//> snippet
        return pool;
    }
}
