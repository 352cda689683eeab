import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/** The block's free names: a list of orders and a repository that saves one and returns it. */
public class Snippet {
    record Order(String id) {
    }

    interface Repository {
        Order save(Order order);
    }

    static void run(List<Order> orders, Repository repository) {
//> snippet
    }
}
