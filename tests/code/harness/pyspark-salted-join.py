"""salted_join.py (data-platform/spark-performance): clicks where one user_id carries most rows, one row per user; the
salted join must return exactly the rows of the plain join, and spread the hot key over the buckets."""


def setup(spark, lake):
    spark.range(200).selectExpr("id AS user_id", "concat('user-', id) AS name").write.mode("overwrite").parquet(f"{lake}/users")
    clicks = spark.range(5000).selectExpr("IF(id % 10 < 8, 0, id % 200) AS user_id", "id AS click_id")
    clicks.write.mode("overwrite").parquet(f"{lake}/clicks")


def check(ns, out):
    from pyspark.sql import functions as F
    clicks, users, joined = ns["clicks"], ns["users"], ns["joined"]
    plain = clicks.join(users, "user_id")
    assert sorted(joined.columns) == sorted(plain.columns), f"columns {joined.columns}, plain join {plain.columns}"
    cols = sorted(plain.columns)
    assert sorted(joined.select(cols).collect()) == sorted(plain.select(cols).collect()), "the salted join's rows differ from the plain join's"
    buckets = ns["salted_clicks"].filter("user_id = 0").select(F.countDistinct("salt")).first()[0]
    assert buckets == ns["SALT_BUCKETS"], f"the hot key is spread over {buckets} buckets, not {ns['SALT_BUCKETS']}"
