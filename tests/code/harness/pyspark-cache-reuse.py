"""cache_reuse.py (data-platform/spark-performance): events under /lake; the two results computed from the cached
frame must equal the same queries without the cache, and the cache must be freed at the end."""


def setup(spark, lake):
    events = spark.range(3000).selectExpr(
        "IF(id % 3 = 0, DATE'2026-10-15', DATE'2026-11-20') AS event_date",
        "id % 37 AS user_id", "element_at(array('view', 'cart', 'buy'), CAST(id % 3 + 1 AS INT)) AS event_type",
        "CAST(id % 101 AS DOUBLE) AS amount")
    events.write.mode("overwrite").parquet(f"{lake}/events")


def check(ns, out):
    spark = ns["spark"]
    fresh = spark.read.parquet("/lake/events").filter("event_date >= '2026-11-01'")
    assert sorted(ns["by_type"]) == sorted(fresh.groupBy("event_type").count().collect()), "by_type differs from the uncached query"
    top = ns["top_users"]
    assert len(top) == 10 and all(a["sum(amount)"] >= b["sum(amount)"] for a, b in zip(top, top[1:])), f"top_users is not the top 10, descending: {top}"
    assert not ns["features"].storageLevel.useMemory and not ns["features"].storageLevel.useDisk, "features is still cached after unpersist()"
